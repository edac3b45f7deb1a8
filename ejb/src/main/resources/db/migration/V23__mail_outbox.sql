-- Version 23: the mail gateway's durable outbox and each person's choice of what reaches their e-mail (C2, S4).
-- A notification a person wants by e-mail becomes an outbox row in the transaction that posts it; senders on any
-- server claim due rows with a conditional UPDATE (state and lease in the WHERE clause), so a row is handed to SMTP
-- by one sender at a time. Plain SQL that H2 and PostgreSQL both run.
create sequence mail_outbox_seq start with 50 increment by 50;
create table mail_outbox (
    id              bigint        not null primary key,
    person_id       bigint        references person (id),
    kind            varchar(64)   not null,
    notification_id bigint,
    recipient       varchar(254)  not null,
    subject         varchar(300)  not null,
    body            varchar(8000) not null,
    message_id      varchar(200)  not null,
    state           varchar(16)   not null,
    created_at      timestamp     not null,
    attempts        integer       default 0 not null,
    next_attempt_at timestamp     not null,
    last_attempt_at timestamp,
    claimed_by      varchar(64),
    claimed_until   timestamp,
    last_error      varchar(1000),
    sent_at         timestamp,
    digest_id       bigint,
    version         bigint        default 0 not null,
    constraint mail_outbox_message_id_uq unique (message_id),
    constraint mail_outbox_state_ck check (state in ('HELD', 'PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED',
                                                      'DIGESTED'))
);
create index mail_outbox_due_ix on mail_outbox (state, next_attempt_at);
create index mail_outbox_person_ix on mail_outbox (person_id, state);

-- What a person wants by e-mail: kinds (MODULE.KIND, comma-separated) sent at once and those gathered into the daily
-- digest, and the language of their mails. A person without a row has the kinds' defaults.
create table mail_preference (
    person_id bigint        not null primary key references person (id),
    language  varchar(8)    not null,
    immediate varchar(2000) not null,
    digest    varchar(2000) not null,
    version   bigint        default 0 not null,
    constraint mail_preference_language_ck check (language in ('ZH', 'EN', 'BOTH'))
);
