-- Version 14: flows and approvals (A1-A3, B2, B3, O1.3-O1.5, O3.3): form templates and flow designs in versions,
-- running instances with their to-dos, the signed action trail, proxies and the core-flow participant lists.
create sequence form_template_seq start with 50 increment by 50;
create table form_template (
    id          bigint         not null primary key,
    code        varchar(40)    not null,
    version     integer        not null,
    name_zh     varchar(100)   not null,
    name_en     varchar(200)   not null,
    unit_id     bigint         not null references org_unit (id),
    fields_json varchar(100000) not null,
    published   boolean        not null,
    updated_at  timestamp      not null,
    updated_by  varchar(64)    not null,
    row_version bigint         not null,
    constraint form_template_uq unique (code, version)
);

create sequence flow_design_seq start with 50 increment by 50;
create table flow_design (
    id              bigint          not null primary key,
    code            varchar(40)     not null,
    version         integer         not null,
    name_zh         varchar(100)    not null,
    name_en         varchar(200)    not null,
    category        varchar(20)     not null,
    unit_id         bigint          not null references org_unit (id),
    form_id         bigint          not null references form_template (id),
    definition_json varchar(100000) not null,
    core            boolean         not null,
    open_to_all     boolean         not null,
    status          varchar(20)     not null,
    review_note     varchar(500),
    updated_at      timestamp       not null,
    updated_by      varchar(64)     not null,
    submitted_at    timestamp,
    reviewed_at     timestamp,
    reviewed_by     varchar(64),
    row_version     bigint          not null,
    constraint flow_design_uq unique (code, version)
);
create index flow_design_status_ix on flow_design (status);

create sequence flow_instance_seq start with 50 increment by 50;
create table flow_instance (
    id             bigint          not null primary key,
    uid            varchar(36)     not null unique,
    design_id      bigint          not null references flow_design (id),
    initiator_id   bigint          not null references person (id),
    unit_id        bigint          not null references org_unit (id),
    title          varchar(100)    not null,
    status         varchar(12)     not null,
    values_json    varchar(200000) not null,
    path           varchar(1000),
    step           integer         not null,
    round          integer         not null,
    returned_from  varchar(32),
    return_reason  varchar(2000),
    choices        varchar(2000),
    created_at     timestamp       not null,
    submitted_at   timestamp,
    finished_at    timestamp,
    urged_at       timestamp,
    handler_acts   integer         not null,
    action_seq     integer         not null,
    last_hash      varchar(64)     not null,
    row_version    bigint          not null
);
create index flow_instance_initiator_ix on flow_instance (initiator_id, created_at);
create index flow_instance_design_ix on flow_instance (design_id, status);

create sequence flow_task_seq start with 50 increment by 50;
create table flow_task (
    id               bigint        not null primary key,
    instance_id      bigint        not null references flow_instance (id),
    step             integer       not null,
    round            integer       not null,
    node_id          varchar(32)   not null,
    kind             varchar(12)   not null,
    assignee_id      bigint        not null references person (id),
    on_behalf_of_id  bigint        references person (id),
    status           varchar(12)   not null,
    decision         varchar(12),
    opinion          varchar(2000),
    added            boolean       not null,
    waits_for_me_id  bigint        references flow_task (id),
    arrived_at       timestamp     not null,
    due_at           timestamp,
    acted_at         timestamp,
    reminded_at      timestamp,
    escalated_at     timestamp
);
create index flow_task_assignee_ix on flow_task (assignee_id, status, kind);
create index flow_task_instance_ix on flow_task (instance_id);
create index flow_task_due_ix on flow_task (status, due_at);

create sequence flow_action_seq start with 50 increment by 50;
create table flow_action (
    id           bigint        not null primary key,
    instance_uid varchar(36)   not null,
    seq          integer       not null,
    kind         varchar(16)   not null,
    actor_login  varchar(64)   not null,
    actor_name   varchar(64)   not null,
    on_behalf_of varchar(64),
    node_id      varchar(32),
    opinion      varchar(2000),
    detail       varchar(500),
    acted_at     timestamp     not null,
    form_hash    varchar(64)   not null,
    prev_hash    varchar(64)   not null,
    hash         varchar(64)   not null,
    signature    varchar(120),
    key_id       varchar(16),
    constraint flow_action_uq unique (instance_uid, seq)
);

create sequence flow_delegation_seq start with 50 increment by 50;
create table flow_delegation (
    id           bigint        not null primary key,
    person_id    bigint        not null references person (id),
    deputy_id    bigint        not null references person (id),
    first_day    date          not null,
    last_day     date          not null,
    design_codes varchar(1000) not null,
    created_at   timestamp     not null,
    cancelled_at timestamp
);
create index flow_delegation_person_ix on flow_delegation (person_id, last_day);

create sequence flow_core_participant_seq start with 50 increment by 50;
create table flow_core_participant (
    id          bigint      not null primary key,
    design_code varchar(40) not null,
    person_id   bigint      not null references person (id),
    added_at    timestamp   not null,
    added_by    varchar(64) not null,
    constraint flow_core_participant_uq unique (design_code, person_id)
);

create sequence flow_notice_seq start with 50 increment by 50;
create table flow_notice (
    id          bigint       not null primary key,
    person_id   bigint       not null references person (id),
    instance_id bigint       not null references flow_instance (id),
    kind        varchar(16)  not null,
    note        varchar(500),
    created_at  timestamp    not null,
    read_at     timestamp
);
create index flow_notice_person_ix on flow_notice (person_id, read_at);
