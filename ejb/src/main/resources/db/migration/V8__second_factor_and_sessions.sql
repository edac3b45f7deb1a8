-- Version 8: second factor (TOTP, RFC 6238) with recovery codes, login challenges between the two steps, and
-- "one session per account" (S2, S3).

-- The secret is sealed (AES-GCM) with a key from the server's keystore, never stored in clear.
create table second_factor (
    person_id      bigint        not null primary key references person (id),
    sealed_secret  varchar(200)  not null,
    created_at     timestamp     not null,
    enrolled_at    timestamp,
    last_used_step bigint        not null,
    version        bigint        not null
);

-- One-time recovery codes: SHA-256 of each, marked when used.
create table recovery_code (
    person_id bigint      not null references second_factor (person_id) on delete cascade,
    code_hash varchar(64) not null,
    used_at   timestamp
);
create index recovery_code_person_ix on recovery_code (person_id);

-- A password that was right, waiting for its second factor: the SHA-256 of the ticket handed to the browser's
-- session, valid for a few minutes and a few attempts.
create table login_challenge (
    ticket_hash varchar(64) not null primary key,
    login       varchar(64) not null,
    created_at  timestamp   not null,
    attempts    integer     not null
);

-- Marks the newest login's session; with single_session on, older sessions of the account end.
alter table person add column session_marker varchar(64);

alter table password_policy add column second_factor_required boolean default true not null;
alter table password_policy add column single_session boolean default false not null;
