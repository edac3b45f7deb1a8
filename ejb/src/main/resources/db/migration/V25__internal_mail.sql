-- Version 25: internal mail (A4, A5). A mail is stored once (mail_message with its addresses and attachments; the
-- attachments' bytes stay in stored_file, referred to by uid, so a forward or a mail to 3,000 people adds no copy);
-- each mailbox it appears in has one small mail_entry row (the sender's, one per recipient). Quotas follow the
-- policy row and its per-person exceptions. Plain SQL that H2 and PostgreSQL both run.
create sequence mail_message_seq start with 50 increment by 50;
create table mail_message (
    id            bigint          not null primary key,
    sender_id     bigint          not null references person (id),
    subject       varchar(200)    not null,
    body_html     varchar(500000) not null,
    body_text     varchar(500000) not null,
    size_bytes    bigint          not null,
    created_at    timestamp       not null,
    updated_at    timestamp       not null,
    sent_at       timestamp,
    recalled_at   timestamp,
    reply_to_id   bigint          references mail_message (id),
    forward_of_id bigint          references mail_message (id),
    version       bigint          default 0 not null
);
create index mail_message_sender_ix on mail_message (sender_id, sent_at);

create table mail_address (
    message_id bigint       not null references mail_message (id) on delete cascade,
    position   integer      not null,
    kind       varchar(8)   not null,
    target     varchar(16)  not null,
    target_id  bigint       not null,
    label      varchar(300) not null,
    primary key (message_id, position),
    constraint mail_address_kind_ck check (kind in ('TO', 'CC', 'BCC')),
    constraint mail_address_target_ck check (target in ('PERSON', 'UNIT', 'UNIT_LEADERS', 'GROUP'))
);
create index mail_address_target_ix on mail_address (target, target_id);

create table mail_attachment (
    message_id   bigint       not null references mail_message (id) on delete cascade,
    position     integer      not null,
    file_uid     varchar(36)  not null,
    name         varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    primary key (message_id, position)
);
create index mail_attachment_file_ix on mail_attachment (file_uid);

create sequence mail_folder_seq start with 50 increment by 50;
create table mail_folder (
    id         bigint      not null primary key,
    owner_id   bigint      not null references person (id),
    name       varchar(60) not null,
    created_at timestamp   not null,
    constraint mail_folder_name_uq unique (owner_id, name)
);

create sequence mail_entry_seq start with 50 increment by 50;
create table mail_entry (
    id         bigint     not null primary key,
    message_id bigint     not null references mail_message (id),
    owner_id   bigint     not null references person (id),
    role       varchar(8) not null,
    folder     varchar(8) not null,
    folder_id  bigint     references mail_folder (id),
    seen       boolean    default false not null,
    flagged    boolean    default false not null,
    opened_at  timestamp,
    trashed_at timestamp,
    removed_at timestamp,
    filed_at   timestamp  not null,
    version    bigint     default 0 not null,
    constraint mail_entry_uq unique (message_id, owner_id, role),
    constraint mail_entry_role_ck check (role in ('SENDER', 'TO', 'CC', 'BCC')),
    constraint mail_entry_folder_ck check (folder in ('INBOX', 'SENT', 'DRAFTS', 'TRASH', 'CUSTOM'))
);
create index mail_entry_box_ix on mail_entry (owner_id, folder, filed_at);
create index mail_entry_message_ix on mail_entry (message_id);

create sequence mail_group_seq start with 50 increment by 50;
create table mail_group (
    id       bigint      not null primary key,
    owner_id bigint      not null references person (id),
    name     varchar(60) not null,
    constraint mail_group_name_uq unique (owner_id, name)
);
create table mail_group_member (
    group_id  bigint not null references mail_group (id) on delete cascade,
    person_id bigint not null references person (id),
    primary key (group_id, person_id)
);

create table mailbox_policy (
    id               integer     not null primary key,
    default_quota_mb integer     not null,
    warn_percent     integer     not null,
    trash_days       integer     not null,
    changed_at       timestamp,
    changed_by       varchar(64)
);
insert into mailbox_policy (id, default_quota_mb, warn_percent, trash_days) values (1, 2048, 90, 30);

create table mail_quota (
    person_id bigint      not null primary key references person (id),
    quota_mb  integer     not null,
    set_at    timestamp   not null,
    set_by    varchar(64) not null
);
