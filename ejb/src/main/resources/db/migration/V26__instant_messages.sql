-- Version 26: instant messages (A4). A conversation (one-to-one or a group) has members, each with the last message
-- they have read (unread counts are the messages after it); messages are kept as history, a file by stored-file uid.
-- One-to-one conversations are unique per pair (direct_key). Plain SQL that H2 and PostgreSQL both run.
create sequence chat_conversation_seq start with 50 increment by 50;
create table chat_conversation (
    id              bigint      not null primary key,
    kind            varchar(8)  not null,
    title           varchar(60),
    direct_key      varchar(64),
    created_by      bigint      not null references person (id),
    created_at      timestamp   not null,
    last_message_id bigint      default 0 not null,
    last_message_at timestamp,
    version         bigint      default 0 not null,
    constraint chat_conversation_direct_uq unique (direct_key),
    constraint chat_conversation_kind_ck check (kind in ('DIRECT', 'GROUP'))
);

create table chat_member (
    conversation_id bigint    not null references chat_conversation (id),
    person_id       bigint    not null references person (id),
    joined_at       timestamp not null,
    last_read_id    bigint    default 0 not null,
    left_at         timestamp,
    primary key (conversation_id, person_id)
);
create index chat_member_person_ix on chat_member (person_id);

-- messages take their ids one by one, so that ids follow the order messages were written in, on any server
create sequence chat_message_seq start with 1 increment by 1;
create table chat_message (
    id              bigint        not null primary key,
    conversation_id bigint        not null references chat_conversation (id),
    sender_id       bigint        not null references person (id),
    body            varchar(4000) not null,
    file_uid        varchar(36),
    file_name       varchar(200),
    file_type       varchar(100),
    file_size       bigint,
    sent_at         timestamp     not null
);
create index chat_message_conversation_ix on chat_message (conversation_id, id);
create index chat_message_sent_ix on chat_message (sent_at);
