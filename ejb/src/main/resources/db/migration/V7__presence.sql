-- Version 7: presence (B1): when each person was last active; cleared at logout.
alter table person add column last_seen_at timestamp;
