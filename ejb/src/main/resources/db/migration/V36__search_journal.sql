-- Version 36: the search journal (B4, O3.5). A service that changes a searchable item (a notice published or withdrawn,
-- a mail delivered or removed, ...) writes a row here in its own transaction; every server's indexer reads the rows
-- after the last one it applied and re-reads those items into its own index. Ids come one by one from the sequence,
-- so they follow the order of writing across servers. Rows older than a week are deleted; a server whose index is
-- older than that rebuilds it. Plain SQL that H2 and PostgreSQL both run.
create sequence search_change_seq start with 1 increment by 1;
create table search_change (
    id         bigint      not null primary key,
    kind       varchar(16) not null,
    item_id    bigint      not null,
    changed_at timestamp   not null
);
create index search_change_at_ix on search_change (changed_at);
