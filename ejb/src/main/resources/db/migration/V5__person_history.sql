-- Version 5: every change to a person's account, with who, when and before -> after (O2.6).
create sequence person_change_seq start with 50 increment by 50;
create table person_change (
    id         bigint        not null primary key,
    person_id  bigint        not null references person (id),
    changed_at timestamp     not null,
    changed_by varchar(64)   not null,
    kind       varchar(32)   not null,
    before_value varchar(500),
    after_value  varchar(500),
    reason     varchar(500)
);
create index person_change_person_ix on person_change (person_id, changed_at);
