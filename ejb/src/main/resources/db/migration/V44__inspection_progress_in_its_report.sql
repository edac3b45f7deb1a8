-- Version 44: an inspection run records how many objects it goes through in its report (the "found" line every job's
-- progress reads, cn.edu.xietong.operations.JobReports.FOUND) instead of a table of its own. Plain SQL that H2 and
-- PostgreSQL both run.
drop table inspection_run;
