-- Version 43: the confidentiality inspection (O1.7, S4, S5). Per run, how many objects it inspects (for the jobs page's
-- progress); per top-level unit, the modules it may use as the last inspection saw them, so the next one reports the
-- units whose module rights changed in between (O2.7). Plain SQL that H2 and PostgreSQL both run.
create table inspection_run (
    job_instance_id  bigint     not null primary key,
    items            bigint     not null,
    started_at       timestamp  not null
);
create table inspection_module_snapshot (
    unit_id          bigint        not null primary key references org_unit (id) on delete cascade,
    modules          varchar(200)  not null,
    taken_at         timestamp     not null,
    job_instance_id  bigint        not null
);
