-- Version 38: what a batch run did (C1, E3, O1.7). One report per job instance (a restart continues the same report),
-- with one line per thing done or found: a kind (a message key suffix), what it concerns, a link for the reader, an
-- amount and a number of bytes. Lines are written in the chunk's transaction, so a restarted chunk never writes twice.
-- Plain SQL that H2 and PostgreSQL both run.
create sequence job_report_seq start with 50 increment by 50;
create table job_report (
    id               bigint        not null primary key,
    job_name         varchar(64)   not null,
    job_instance_id  bigint        not null unique,
    started_by       varchar(64)   not null,
    started_at       timestamp     not null,
    finished_at      timestamp,
    version          bigint        not null default 0
);
create index job_report_job_ix on job_report (job_name, started_at);
create sequence job_report_line_seq start with 50 increment by 50;
create table job_report_line (
    id          bigint         not null primary key,
    report_id   bigint         not null references job_report (id) on delete cascade,
    kind        varchar(64)    not null,
    subject     varchar(500)   not null,
    link        varchar(500),
    amount      bigint         not null default 0,
    bytes       bigint         not null default 0,
    recorded_at timestamp      not null
);
create index job_report_line_report_ix on job_report_line (report_id, kind);
