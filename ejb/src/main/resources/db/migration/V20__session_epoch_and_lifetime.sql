-- Version 20: sessions end when they should (S2, S3; ASVS 3.3).
-- A change that ends all of a person's sessions (deactivation, a password reset or change, a change of roles) counts
-- up their epoch; a session whose login saw an older epoch ends at its next request, on any server of a cluster.
alter table person add column session_epoch bigint default 0 not null;
alter table person add column sessions_ended_by varchar(32);

-- The absolute lifetime of a session, however active (12 hours by default, as ASVS 3.3.2 allows at most).
alter table password_policy add column session_lifetime_hours integer default 12 not null;
