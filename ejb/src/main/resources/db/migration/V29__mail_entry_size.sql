-- Version 29: each mailbox entry carries the size its mailbox counts (A4), so the quota's usage is a sum over the
-- owner's own entries (read through the owner's index) instead of a join to every message: opening the mailbox does
-- not slow down as the university's mail grows (bench/README.md). Plain SQL that H2 and PostgreSQL both run.
alter table mail_entry add column size_bytes bigint default 0 not null;
update mail_entry set size_bytes = (select m.size_bytes from mail_message m where m.id = mail_entry.message_id);
create index mail_entry_usage_ix on mail_entry (owner_id, removed_at, size_bytes);
