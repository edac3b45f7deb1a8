-- Version 4: when each person last logged in (dormant accounts in the unit security check, O3.4).
alter table person add column last_login_at timestamp;
