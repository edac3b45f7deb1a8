-- Version 3: password policy, history and expiry (S2).

alter table person add column password_changed_at timestamp;
alter table person add column must_change_password boolean default false not null;
update person set password_changed_at = created_at where password_hash is not null;

create table password_history (
    person_id     bigint       not null references person (id) on delete cascade,
    password_hash varchar(255) not null,
    changed_at    timestamp    not null
);
create index password_history_person_ix on password_history (person_id);

-- The one password policy, edited by the security administrator.
create table password_policy (
    id                     integer not null primary key,
    min_length             integer not null,
    min_classes            integer not null,
    history_size           integer not null,
    expiry_days            integer not null,
    privileged_expiry_days integer not null,
    warn_days              integer not null,
    version                bigint  not null,
    constraint password_policy_single_ck check (id = 1)
);
insert into password_policy (id, min_length, min_classes, history_size, expiry_days, privileged_expiry_days, warn_days, version)
values (1, 8, 3, 5, 90, 60, 7, 0);
