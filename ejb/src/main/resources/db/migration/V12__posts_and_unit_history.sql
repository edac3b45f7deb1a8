-- Version 12: posts (职务) in units, appointments of people to posts (a post in another unit than one's own is a
-- concurrent post, 兼职), and the history of every change to a unit (O3.1).
create sequence unit_post_seq start with 50 increment by 50;
create table unit_post (
    id         bigint       not null primary key,
    unit_id    bigint       not null references org_unit (id),
    name       varchar(50)  not null,
    version    bigint       not null,
    constraint unit_post_name_uq unique (unit_id, name)
);

create sequence appointment_seq start with 50 increment by 50;
create table appointment (
    id        bigint    not null primary key,
    person_id bigint    not null references person (id),
    post_id   bigint    not null references unit_post (id),
    since     timestamp not null,
    constraint appointment_uq unique (person_id, post_id)
);
create index appointment_post_ix on appointment (post_id);

create sequence unit_change_seq start with 50 increment by 50;
create table unit_change (
    id           bigint       not null primary key,
    unit_id      bigint       not null references org_unit (id),
    changed_at   timestamp    not null,
    changed_by   varchar(64)  not null,
    kind         varchar(32)  not null,
    before_value varchar(500),
    after_value  varchar(500)
);
create index unit_change_unit_ix on unit_change (unit_id, changed_at);
