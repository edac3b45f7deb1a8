-- Uploaded files (S1): checked for type and size, scanned for viruses, then kept unchanged in the database so that a
-- cluster's servers and every backup see the same bytes. A form's attachment field refers to a file by its uid.
create sequence stored_file_seq start with 50 increment by 50;
create table stored_file (
    id           bigint        not null primary key,
    uid          varchar(36)   not null unique,
    name         varchar(200)  not null,
    content_type varchar(100)  not null,
    size_bytes   bigint        not null,
    sha256       varchar(64)   not null,
    content      bytea         not null,
    owner_id     bigint        not null references person (id),
    uploaded_at  timestamp     not null,
    scanned_by   varchar(100)
);
