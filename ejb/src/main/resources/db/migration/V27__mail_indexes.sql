-- Version 27: mail_entry by one's own folder (A4). The mailbox overview counts each of the owner's folders
-- (MailEntry.IN_FOLDER_ID, by folder_id) and deleting a folder checks the foreign key from mail_entry; without an index
-- both read the whole table: 1.2 s per count at 10 million entries on PostgreSQL (bench/README.md, issue #13).
-- Plain SQL that H2 and PostgreSQL both run.
create index mail_entry_folder_ix on mail_entry (folder_id);
