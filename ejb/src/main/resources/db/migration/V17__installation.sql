-- How this database was first filled (S3): DEMO when demo mode loaded the demo university into it. Demo mode refuses
-- a database that holds a university it did not load, so that a production database never gets the demo accounts.
-- A database filled in demo mode before this table existed is recognised by the demo university's first account.
create table installation (
    id         integer     not null primary key,
    mode       varchar(12) not null,
    created_at timestamp   not null
);
insert into installation (id, mode, created_at)
    select 1, 'DEMO', current_timestamp from person where login = 'liming' and email = 'liming@demo.xietong.example';
