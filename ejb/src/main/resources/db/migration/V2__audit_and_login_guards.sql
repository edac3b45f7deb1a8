-- Version 2: the audit trail (S5) and the login guards (S2, S3).
--
-- audit_record is append-only and hash-chained: each record carries the SHA-256 of the previous one. Appends are
-- serialised through the single row of audit_chain_head (locked while a record is added), so the chain has one order
-- even with several servers on one database.

create table audit_chain_head (
    id        integer     not null primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null,
    constraint audit_chain_head_single_ck check (id = 1)
);
insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create table audit_record (
    seq            bigint        not null primary key,
    occurred_at    timestamp     not null,
    event          varchar(40)   not null,
    outcome        varchar(16)   not null,
    actor_login    varchar(64),
    actor_unit     varchar(32),
    client_address varchar(64),
    detail         varchar(1000),
    prev_hash      varchar(64)   not null,
    hash           varchar(64)   not null,
    constraint audit_record_outcome_ck check (outcome in ('SUCCESS', 'FAILURE', 'DENIED'))
);
create index audit_record_time_ix on audit_record (occurred_at);
create index audit_record_actor_ix on audit_record (actor_login);

-- Failed logins per login name, whether or not a person has that name (so a lockout reveals nothing).
create table login_guard (
    login        varchar(64) not null primary key,
    failures     integer     not null,
    locked_until timestamp
);

-- Failed logins per client address, within a sliding window.
create table client_guard (
    address       varchar(64) not null primary key,
    failures      integer     not null,
    window_start  timestamp   not null,
    blocked_until timestamp
);
