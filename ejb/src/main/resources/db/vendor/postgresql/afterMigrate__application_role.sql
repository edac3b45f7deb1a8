-- After every migration on PostgreSQL (a Flyway callback): when the migrations ran as the owner role
-- (XIETONG_DB_OWNER), the application's role ${appRole} gets what it needs and no more. On the audit chain and the
-- flows' signed trails it may only read and append (SELECT, INSERT): not even the application's own password can
-- rewrite or cut a trail (B3, S5). The chain's single head row is updated by the application, never deleted; the
-- head's signature and the heads file outside the database cover it, as they cover the instances. Run as the application role itself (no owner
-- given), this does nothing: a role cannot take rights from itself over tables it owns.
DO $$
DECLARE
    t record;
BEGIN
    IF current_user <> '${appRole}' THEN
        EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO %I', current_schema(), '${appRole}');
        -- only the owner's own tables and sequences: JBeret's job repository tables belong to the application's
        -- role, which created them at boot, and cannot be granted by anyone else
        FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tableowner = current_user
        LOOP
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', t.tablename, '${appRole}');
        END LOOP;
        FOR t IN SELECT c.relname AS tablename FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind = 'S' AND n.nspname = current_schema() AND pg_get_userbyid(c.relowner) = current_user
        LOOP
            EXECUTE format('GRANT USAGE, SELECT, UPDATE ON SEQUENCE %I TO %I', t.tablename, '${appRole}');
        END LOOP;
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_record, flow_action, publication_copy, archive_copy FROM %I', '${appRole}');
        EXECUTE format('REVOKE DELETE, TRUNCATE ON audit_chain_head FROM %I', '${appRole}');
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${flyway:table} FROM %I', '${appRole}');
    END IF;
END $$;
