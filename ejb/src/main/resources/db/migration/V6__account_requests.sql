-- Version 6: account requests, approved or rejected by the IT staff of the requested unit (O3.2).
create sequence account_request_seq start with 50 increment by 50;
create table account_request (
    id           bigint       not null primary key,
    login        varchar(64)  not null,
    full_name    varchar(64)  not null,
    unit_id      bigint       not null references org_unit (id),
    email        varchar(254) not null,
    requested_by varchar(64),
    requested_at timestamp    not null,
    status       varchar(16)  not null,
    decided_by   varchar(64),
    decided_at   timestamp,
    reason       varchar(500),
    version      bigint       not null,
    constraint account_request_status_ck check (status in ('PENDING', 'APPROVED', 'REJECTED'))
);
create index account_request_unit_ix on account_request (unit_id, status);
create index account_request_login_ix on account_request (login);
