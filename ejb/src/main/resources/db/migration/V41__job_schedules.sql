-- Version 41: when batch jobs run by themselves (C1, E3, O1.7). One schedule per job: a five-field calendar
-- expression in the campus time zone, on or off, and the next time it is due (computed by the application at its
-- first tick). The defaults follow the regulation's week: backup Sunday 02:00, cleanup Sunday 04:00, confidentiality
-- inspection Monday 07:00. Plain SQL that H2 and PostgreSQL both run.
create table job_schedule (
    id                 bigint        not null primary key,
    job_name           varchar(64)   not null unique,
    expression         varchar(100)  not null,
    enabled            boolean       not null,
    next_run           timestamp,
    last_fired_at      timestamp,
    last_execution_id  bigint,
    last_error         varchar(500),
    changed_by         varchar(64),
    changed_at         timestamp,
    version            bigint        not null default 0
);
insert into job_schedule (id, job_name, expression, enabled) values (1, 'weekly-backup', '0 2 * * SUN', true);
insert into job_schedule (id, job_name, expression, enabled) values (2, 'weekly-cleanup', '0 4 * * SUN', true);
insert into job_schedule (id, job_name, expression, enabled)
    values (3, 'confidentiality-inspection', '0 7 * * MON', true);
insert into job_schedule (id, job_name, expression, enabled) values (4, 'backup-verify', '0 6 * * SUN', false);
insert into job_schedule (id, job_name, expression, enabled) values (5, 'self-check', '30 7 * * MON-FRI', false);
