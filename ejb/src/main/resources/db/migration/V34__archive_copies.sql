-- Version 34: copies of archived documents (E1: archives are backed up the moment they are archived). When a document
-- is archived (归档), the archived version's file is copied at once to the backup store outside the database; this
-- table records where, with its SHA-256. Rows are only ever added (on PostgreSQL the application's role may not change
-- or delete them). Plain SQL that H2 and PostgreSQL both run.
create sequence archive_copy_seq start with 50 increment by 50;
create table archive_copy (
    id             bigint       not null primary key,
    document_id    bigint       not null references doc_document (id),
    version_id     bigint       not null references doc_version (id),
    archive_number varchar(64)  not null,
    path           varchar(400) not null,
    sha256         varchar(64)  not null,
    size_bytes     bigint       not null,
    written_at     timestamp    not null
);
create index archive_copy_document_ix on archive_copy (document_id);
