-- Version 37: settings the system administrator changed while the server runs (O2.1). One row per changed setting,
-- named by its system property; a setting without a row takes the system property, else its default. Every server
-- reads this table on each use, so a change holds on all of them. Plain SQL that H2 and PostgreSQL both run.
create table setting (
    name          varchar(100) not null primary key,
    setting_value varchar(500) not null,
    changed_at    timestamp    not null,
    changed_by    varchar(64)  not null
);
