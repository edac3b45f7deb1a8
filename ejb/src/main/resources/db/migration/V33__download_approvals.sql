-- Version 33: approvals of controlled downloads (S4). A reader of a controlled document asks, with a reason, for one
-- download of one version; the approval flow (the owning unit's leader) decides; an approval is good for one download
-- before it runs out. Plain SQL that H2 and PostgreSQL both run.
create sequence download_approval_seq start with 50 increment by 50;
create table download_approval (
    id           bigint        not null primary key,
    version_id   bigint        not null references doc_version (id),
    requester_id bigint        not null references person (id),
    reason       varchar(1000) not null,
    instance_id  bigint,
    state        varchar(16)   not null,
    requested_at timestamp     not null,
    decided_at   timestamp,
    valid_until  timestamp,
    used_at      timestamp,
    version      bigint        default 0 not null,
    constraint download_approval_state_ck
        check (state in ('REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'USED'))
);
create index download_approval_requester_ix on download_approval (requester_id, version_id);
create index download_approval_instance_ix on download_approval (instance_id);
