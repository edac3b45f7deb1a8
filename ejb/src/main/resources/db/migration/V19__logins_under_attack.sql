-- Version 16: logins under attack (S2, S3, O3.2).

-- Recovery codes are kept keyed (HMAC-SHA256 with a key from the server keystore) with a salt per person; a factor
-- without a salt still has codes of the old unkeyed form (plain SHA-256), which the server keys in place at its start
-- (RecoveryCodeUpgrade: the key is not in the database, so SQL cannot).
alter table second_factor add column recovery_salt varchar(32);

-- Account requests: the user name finally given (the IT staff may approve under another name when the requested one
-- is taken), and the client address a public request came from (a few requests per address an hour).
alter table account_request add column granted_login varchar(64);
alter table account_request add column client_address varchar(64);
create index account_request_client_ix on account_request (client_address, requested_at);

-- Passwords from the lists of common and breached passwords are refused (OWASP ASVS 2.1.7), unless switched off.
alter table password_policy add column reject_common boolean default true not null;
