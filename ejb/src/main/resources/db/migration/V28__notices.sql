-- Version 28: notices, announcements and news published after approval (B4, O1.6). A category names its kind and the
-- publishing flow that approves its items; people hold the right to submit per unit and category. An item keeps every
-- version (each approved through its own flow instance); the published one is what its audience reads, and who has
-- read it is kept. Plain SQL that H2 and PostgreSQL both run.
create sequence notice_category_seq start with 50 increment by 50;
create table notice_category (
    id           bigint       not null primary key,
    code         varchar(32)  not null,
    name_zh      varchar(100) not null,
    name_en      varchar(200) not null,
    kind         varchar(16)  not null,
    design_code  varchar(64)  not null,
    important    boolean      default false not null,
    review_days  integer      default 180 not null,
    active       boolean      default true not null,
    constraint notice_category_code_uq unique (code),
    constraint notice_category_kind_ck check (kind in ('NOTICE', 'ANNOUNCEMENT', 'NEWS'))
);

create sequence publishing_right_seq start with 50 increment by 50;
create table publishing_right (
    id          bigint      not null primary key,
    person_id   bigint      not null references person (id),
    unit_id     bigint      not null references org_unit (id),
    category_id bigint      not null references notice_category (id),
    granted_at  timestamp   not null,
    granted_by  varchar(64) not null,
    constraint publishing_right_uq unique (person_id, unit_id, category_id)
);

create sequence notice_seq start with 50 increment by 50;
create table notice (
    id                   bigint       not null primary key,
    category_id          bigint       not null references notice_category (id),
    unit_id              bigint       not null references org_unit (id),
    author_id            bigint       not null references person (id),
    state                varchar(16)  not null,
    title                varchar(200) not null,
    pinned               boolean      default false not null,
    must_read            boolean      default false not null,
    read_by              date,
    publish_at           timestamp,
    expire_at            timestamp,
    published_version_id bigint,
    published_at         timestamp,
    created_at           timestamp    not null,
    updated_at           timestamp    not null,
    version              bigint       default 0 not null,
    constraint notice_state_ck check (state in ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'REJECTED', 'WITHDRAWN'))
);
create index notice_published_ix on notice (state, published_at);

create table notice_audience (
    notice_id bigint      not null references notice (id) on delete cascade,
    position  integer     not null,
    target    varchar(16) not null,
    target_id bigint,
    role      varchar(32),
    primary key (notice_id, position),
    constraint notice_audience_target_ck check (target in ('SCHOOL', 'UNIT', 'ROLE', 'PERSON'))
);
create index notice_audience_target_ix on notice_audience (target, target_id);

create sequence notice_version_seq start with 50 increment by 50;
create table notice_version (
    id          bigint          not null primary key,
    notice_id   bigint          not null references notice (id),
    number      integer         not null,
    title       varchar(200)    not null,
    body_html   varchar(500000) not null,
    body_text   varchar(500000) not null,
    author_id   bigint          not null references person (id),
    state       varchar(16)     not null,
    instance_id bigint,
    created_at  timestamp       not null,
    decided_at  timestamp,
    constraint notice_version_uq unique (notice_id, number),
    constraint notice_version_state_ck check (state in ('DRAFT', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'SUPERSEDED'))
);
create index notice_version_instance_ix on notice_version (instance_id);

create table notice_read (
    notice_id bigint    not null references notice (id),
    person_id bigint    not null references person (id),
    read_at   timestamp not null,
    primary key (notice_id, person_id)
);
