package cn.edu.xietong.setup;

import cn.edu.xietong.audit.AuditSignatures;
import cn.edu.xietong.signing.ServerKeys;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

/**
 * Signs the audit chain (S5) with the server's trail key, which lives outside the database: every record's hash and
 * the chain's head. Records written before this version are signed here as they stand (their hashes still show
 * whether they were altered before); the chain gets a random id that names it in the heads file, so that a new
 * database is never compared with the heads of an earlier one.
 */
class V16__SignedAuditChain extends BaseJavaMigration {

    private static final int BATCH = 500;

    private final ServerKeys keys;

    V16__SignedAuditChain(ServerKeys keys) {
        this.keys = keys;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table audit_record add column signature varchar(120)");
            ddl.execute("alter table audit_chain_head add column chain_id varchar(36)");
            ddl.execute("alter table audit_chain_head add column signature varchar(120)");
        }
        try (Statement read = connection.createStatement();
             ResultSet records = read.executeQuery("select seq, hash from audit_record order by seq");
             PreparedStatement sign = connection.prepareStatement("update audit_record set signature = ? where seq = ?")) {
            int pending = 0;
            while (records.next()) {
                sign.setString(1, keys.sign(AuditSignatures.record(records.getString(2))));
                sign.setLong(2, records.getLong(1));
                sign.addBatch();
                if (++pending == BATCH) {
                    sign.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                sign.executeBatch();
            }
        }
        String chainId = UUID.randomUUID().toString();
        try (Statement read = connection.createStatement();
             ResultSet head = read.executeQuery("select last_seq, last_hash from audit_chain_head where id = 1");
             PreparedStatement update = connection.prepareStatement(
                     "update audit_chain_head set chain_id = ?, signature = ? where id = 1")) {
            head.next();
            update.setString(1, chainId);
            update.setString(2, keys.sign(AuditSignatures.head(chainId, head.getLong(1), head.getString(2))));
            update.executeUpdate();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table audit_chain_head alter column chain_id set not null");
        }
    }
}
