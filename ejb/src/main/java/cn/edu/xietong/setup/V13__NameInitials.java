package cn.edu.xietong.setup;

import cn.edu.xietong.directory.PinyinInitials;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Version 13: the pinyin initials of every person's name, for search (O3.1). A Java migration because the initials
 * come from the pinyin tables, not from SQL; registered explicitly by {@link DatabaseMigrator} (no class scanning).
 */
public class V13__NameInitials extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement ddl = context.getConnection().createStatement()) {
            ddl.execute("alter table person add column name_initials varchar(64)");
            ddl.execute("create index person_initials_ix on person (name_initials)");
        }
        try (Statement select = context.getConnection().createStatement();
             ResultSet people = select.executeQuery("select id, full_name from person");
             PreparedStatement update = context.getConnection()
                     .prepareStatement("update person set name_initials = ? where id = ?")) {
            while (people.next()) {
                update.setString(1, PinyinInitials.of(people.getString(2)));
                update.setLong(2, people.getLong(1));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
