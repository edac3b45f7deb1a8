-- Version 31: files attached to a notice's version (B4), by stored-file uid (the bytes are stored once, checked and
-- scanned at upload: S1). A new version carries its predecessor's files over unless its writer removes them. Plain SQL
-- that H2 and PostgreSQL both run.
create table notice_attachment (
    version_id   bigint       not null references notice_version (id) on delete cascade,
    position     integer      not null,
    file_uid     varchar(36)  not null,
    name         varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    primary key (version_id, position)
);
create index notice_attachment_file_ix on notice_attachment (file_uid);
