-- Version 35: the weekly backup's sets (E3, O2.2). One row per backup set, i.e. per job instance of the backup job (a
-- restart continues the same set): where it lies, what it holds, whether it is complete, and the last verification.
-- The set itself (database snapshot, file copies, manifest of SHA-256) is on disk outside the database. Plain SQL that
-- H2 and PostgreSQL both run.
create sequence backup_set_seq start with 50 increment by 50;
create table backup_set (
    id               bigint        not null primary key,
    job_instance_id  bigint        not null unique,
    started_by       varchar(64)   not null,
    started_at       timestamp     not null,
    finished_at      timestamp,
    state            varchar(16)   not null,
    directory        varchar(500)  not null,
    database_kind    varchar(32),
    database_file    varchar(64),
    file_count       integer       not null default 0,
    total_bytes      bigint        not null default 0,
    manifest_sha256  varchar(64),
    verified_at      timestamp,
    verify_problems  integer,
    verify_report    varchar(4000)
);
create index backup_set_started_ix on backup_set (started_at);
