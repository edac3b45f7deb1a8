-- Xietong schema, version 1: the directory (units, people, role grants), the self-check report of the first batch
-- job, and the mail gateway's dispatch log. Plain SQL that H2 (2.x) and PostgreSQL (15+) read the same way.
-- Ids come from sequences (allocation 50, matching the entities' @SequenceGenerator). EclipseLink reads a sequence value
-- as the last id of its block, so every sequence starts at 50 (first block 1..50).

create sequence org_unit_seq start with 50 increment by 50;
create table org_unit (
    id          bigint       not null primary key,
    code        varchar(32)  not null,
    name_zh     varchar(100) not null,
    name_en     varchar(200) not null,
    kind        varchar(20)  not null,
    parent_id   bigint       references org_unit (id),
    version     bigint       not null,
    constraint org_unit_code_uk unique (code),
    constraint org_unit_kind_ck check (kind in ('COLLEGE', 'DEPARTMENT', 'AFFILIATED'))
);

create sequence person_seq start with 50 increment by 50;
create table person (
    id            bigint       not null primary key,
    login         varchar(64)  not null,
    full_name     varchar(64)  not null,
    unit_id       bigint       not null references org_unit (id),
    email         varchar(254),
    active        boolean      not null,
    password_hash varchar(255),
    created_at    timestamp    not null,
    version       bigint       not null,
    constraint person_login_uk unique (login)
);
create index person_unit_ix on person (unit_id);
create index person_name_ix on person (full_name);

create table role_grant (
    person_id     bigint      not null references person (id) on delete cascade,
    role          varchar(32) not null,
    scope_unit_id bigint      references org_unit (id)
);
create index role_grant_person_ix on role_grant (person_id);

create sequence self_check_report_seq start with 50 increment by 50;
create table self_check_report (
    id               bigint      not null primary key,
    job_execution_id bigint      not null,
    started_by       varchar(64) not null,
    started_at       timestamp   not null,
    finished_at      timestamp,
    version          bigint      not null,
    constraint self_check_report_execution_uk unique (job_execution_id)
);

create table self_check_entry (
    report_id  bigint       not null references self_check_report (id) on delete cascade,
    table_name varchar(128) not null,
    row_count  bigint       not null,
    constraint self_check_entry_pk primary key (report_id, table_name)
);

create sequence mail_dispatch_seq start with 50 increment by 50;
create table mail_dispatch (
    id           bigint        not null primary key,
    kind         varchar(32)   not null,
    recipient    varchar(254)  not null,
    subject      varchar(200)  not null,
    requested_by varchar(64)   not null,
    attempted_at timestamp     not null,
    outcome      varchar(16)   not null,
    detail       varchar(1000),
    constraint mail_dispatch_outcome_ck check (outcome in ('SENT', 'FAILED'))
);
create index mail_dispatch_time_ix on mail_dispatch (attempted_at);
