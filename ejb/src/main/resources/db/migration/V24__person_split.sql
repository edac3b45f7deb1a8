-- Version 24: each area keeps its own data about a person, keyed by the person's id; the person row keeps only the
-- directory identity. One script for H2 and PostgreSQL. A row exists where there is something to keep (and is made
-- by the code at first need): a credential once a password was set, a session record once the person logged in or
-- had their sessions ended, a last-seen time once they were seen, a membership review where it says more than the
-- approval of the account at its creation (a person without one counts as confirmed at created_at).

-- The password (S2), with its history.
create table credential (
    person_id            bigint       not null primary key references person (id) on delete cascade,
    password_hash        varchar(255) not null,
    password_changed_at  timestamp    not null,
    must_change_password boolean      not null,
    version              bigint       default 0 not null
);
insert into credential (person_id, password_hash, password_changed_at, must_change_password, version)
select id, password_hash, coalesce(password_changed_at, created_at), must_change_password, 0
from person where password_hash is not null;

-- The history belongs to the credential now: the table is made anew with its foreign key on credential (the old
-- key's name differs between H2 and PostgreSQL, so it is dropped with its table rather than by name).
alter table password_history rename to password_history_v23;
create table password_history (
    person_id     bigint       not null references credential (person_id) on delete cascade,
    password_hash varchar(255) not null,
    changed_at    timestamp    not null
);
insert into password_history (person_id, password_hash, changed_at)
select h.person_id, h.password_hash, h.changed_at from password_history_v23 h
where exists (select 1 from credential c where c.person_id = h.person_id);
drop table password_history_v23;
create index password_history_person_ix on password_history (person_id);

-- The sessions as a whole (S2, S3).
create table session_record (
    person_id         bigint      not null primary key references person (id) on delete cascade,
    last_login_at     timestamp,
    session_marker    varchar(64),
    session_epoch     bigint      default 0 not null,
    sessions_ended_by varchar(32),
    version           bigint      default 0 not null
);
insert into session_record (person_id, last_login_at, session_marker, session_epoch, sessions_ended_by, version)
select id, last_login_at, session_marker, session_epoch, sessions_ended_by, 0 from person
where last_login_at is not null or session_marker is not null or session_epoch <> 0 or sessions_ended_by is not null;

-- Presence (B1).
create table last_seen (
    person_id bigint    not null primary key references person (id) on delete cascade,
    seen_at   timestamp
);
insert into last_seen (person_id, seen_at)
select id, last_seen_at from person where last_seen_at is not null;
create index last_seen_at_ix on last_seen (seen_at);

-- The unit IT staff's review of the membership (O3.2).
create table membership_review (
    person_id          bigint       not null primary key references person (id) on delete cascade,
    confirmed_at       timestamp,
    confirmed_by       varchar(64),
    leaver_reported_at timestamp,
    leaver_reported_by varchar(64),
    leaver_reason      varchar(500),
    version            bigint       default 0 not null
);
insert into membership_review (person_id, confirmed_at, confirmed_by, leaver_reported_at, leaver_reported_by,
                               leaver_reason, version)
select id, confirmed_at, confirmed_by, leaver_reported_at, leaver_reported_by, leaver_reason, 0 from person
where confirmed_at is null or confirmed_at <> created_at or confirmed_by is not null
   or leaver_reported_at is not null;

alter table person drop column password_hash;
alter table person drop column password_changed_at;
alter table person drop column must_change_password;
alter table person drop column last_login_at;
alter table person drop column session_marker;
alter table person drop column session_epoch;
alter table person drop column sessions_ended_by;
alter table person drop column last_seen_at;
alter table person drop column confirmed_at;
alter table person drop column confirmed_by;
alter table person drop column leaver_reported_at;
alter table person drop column leaver_reported_by;
alter table person drop column leaver_reason;
