-- After every migration on PostgreSQL (a Flyway callback): when the migrations ran as the owner role
-- (XIETONG_DB_OWNER), the application's role ${appRole} gets what it needs and no more. On the audit chain and the
-- flows' signed trails it may only read and append (SELECT, INSERT): not even the application's own password can
-- rewrite or cut a trail (B3, S5). The chain's single head row is updated by the application, never deleted; the
-- head's signature and the heads file outside the database cover it, as they cover the instances. Run as the application role itself (no owner
-- given), this does nothing: a role cannot take rights from itself over tables it owns.
DO $$
BEGIN
    IF current_user <> '${appRole}' THEN
        EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO %I', current_schema(), '${appRole}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', current_schema(),
                       '${appRole}');
        EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(),
                       '${appRole}');
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_record, flow_action FROM %I', '${appRole}');
        EXECUTE format('REVOKE DELETE, TRUNCATE ON audit_chain_head FROM %I', '${appRole}');
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${flyway:table} FROM %I', '${appRole}');
    END IF;
END $$;
