-- Version 32: document libraries (O3.5, E2, S4). Document bytes live in the content store on disk, one file per
-- distinct SHA-256 (content_blob records each); a library per unit (made when first opened) and one public library;
-- folders, documents with their versions, grants of READ / WRITE / MANAGE on a library, a folder or a document.
-- Plain SQL that H2 and PostgreSQL both run.
create table content_blob (
    sha256     varchar(64) not null primary key,
    size_bytes bigint      not null,
    created_at timestamp   not null
);

create sequence doc_library_seq start with 100 increment by 50; -- ids from 51: the public library is 1
create table doc_library (
    id         bigint      not null primary key,
    kind       varchar(8)  not null,
    unit_id    bigint      references org_unit (id),
    created_at timestamp   not null,
    constraint doc_library_unit_uq unique (unit_id),
    constraint doc_library_kind_ck check (kind in ('UNIT', 'PUBLIC')),
    constraint doc_library_unit_ck check ((kind = 'UNIT' and unit_id is not null)
                                          or (kind = 'PUBLIC' and unit_id is null))
);
insert into doc_library (id, kind, unit_id, created_at) values (1, 'PUBLIC', null, current_timestamp);

create sequence doc_folder_seq start with 50 increment by 50;
create table doc_folder (
    id         bigint       not null primary key,
    library_id bigint       not null references doc_library (id),
    parent_id  bigint       references doc_folder (id),
    name       varchar(200) not null,
    copies     boolean      default false not null,
    created_at timestamp    not null,
    version    bigint       default 0 not null
);
create index doc_folder_parent_ix on doc_folder (library_id, parent_id);

create sequence doc_document_seq start with 50 increment by 50;
create table doc_document (
    id                 bigint        not null primary key,
    library_id         bigint        not null references doc_library (id),
    folder_id          bigint        references doc_folder (id),
    title              varchar(200)  not null,
    description        varchar(2000),
    tags               varchar(500),
    level              varchar(12)   not null,
    state              varchar(12)   not null,
    owner_unit_id      bigint        references org_unit (id),
    copy_of_version_id bigint,
    archive_number     varchar(64),
    retention_years    integer,
    archived_at        timestamp,
    binned_at          timestamp,
    locked_by_id       bigint        references person (id),
    locked_at          timestamp,
    created_by_id      bigint        not null references person (id),
    created_at         timestamp     not null,
    updated_at         timestamp     not null,
    version            bigint        default 0 not null,
    constraint doc_document_archive_uq unique (library_id, archive_number),
    constraint doc_document_level_ck check (level in ('PUBLIC', 'INTERNAL', 'CONTROLLED')),
    constraint doc_document_state_ck check (state in ('ACTIVE', 'ARCHIVED', 'BINNED'))
);
create index doc_document_folder_ix on doc_document (library_id, folder_id, state);

create sequence doc_version_seq start with 50 increment by 50;
create table doc_version (
    id            bigint       not null primary key,
    document_id   bigint       not null references doc_document (id),
    number        integer      not null,
    file_name     varchar(200) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    sha256        varchar(64)  not null references content_blob (sha256),
    scanned_by    varchar(100),
    created_by_id bigint       not null references person (id),
    created_at    timestamp    not null,
    constraint doc_version_uq unique (document_id, number)
);
create index doc_version_sha_ix on doc_version (sha256);
alter table doc_document add constraint doc_document_copy_fk foreign key (copy_of_version_id)
    references doc_version (id);

create sequence doc_grant_seq start with 50 increment by 50;
create table doc_grant (
    id          bigint      not null primary key,
    library_id  bigint      not null references doc_library (id),
    folder_id   bigint      references doc_folder (id),
    document_id bigint      references doc_document (id),
    grantee     varchar(8)  not null,
    unit_id     bigint      references org_unit (id),
    role        varchar(32),
    person_id   bigint      references person (id),
    access      varchar(8)  not null,
    granted_at  timestamp   not null,
    granted_by  varchar(64) not null,
    constraint doc_grant_grantee_ck check (grantee in ('UNIT', 'ROLE', 'PERSON')),
    constraint doc_grant_access_ck check (access in ('READ', 'WRITE', 'MANAGE')),
    constraint doc_grant_target_ck check (folder_id is null or document_id is null)
);
create index doc_grant_folder_ix on doc_grant (folder_id);
create index doc_grant_document_ix on doc_grant (document_id);
