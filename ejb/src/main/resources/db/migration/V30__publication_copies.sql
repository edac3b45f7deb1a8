-- Version 30: publish-time copies (E1). When an item of an important category is published, an immutable copy of
-- what was published is written to the backup store outside the database at once; this table records where, with the
-- copy's SHA-256, so the item shows that it was backed up and the weekly backup and its verification find every copy.
-- Rows are only ever added (on PostgreSQL the application's role may not change or delete them). Plain SQL that H2
-- and PostgreSQL both run.
create sequence publication_copy_seq start with 50 increment by 50;
create table publication_copy (
    id         bigint       not null primary key,
    notice_id  bigint       not null references notice (id),
    version_id bigint       not null references notice_version (id),
    path       varchar(400) not null,
    sha256     varchar(64)  not null,
    size_bytes bigint       not null,
    written_at timestamp    not null,
    constraint publication_copy_version_uq unique (version_id)
);
create index publication_copy_notice_ix on publication_copy (notice_id);
