-- Version 10: recertification (O3.2). Each unit's IT staff confirm at the policy's interval that their members still
-- belong; the approval of a new account counts as its first confirmation. A member who no longer belongs is reported
-- to the system administrator, who deactivates or moves them.
alter table person add column confirmed_at timestamp;
alter table person add column confirmed_by varchar(64);
alter table person add column leaver_reported_at timestamp;
alter table person add column leaver_reported_by varchar(64);
alter table person add column leaver_reason varchar(500);
update person set confirmed_at = created_at;

alter table password_policy add column recertification_days integer default 180 not null;
