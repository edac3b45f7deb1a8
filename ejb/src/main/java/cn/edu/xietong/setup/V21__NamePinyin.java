package cn.edu.xietong.setup;

import cn.edu.xietong.directory.PinyinSpelling;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Version 21: the whole pinyin of every person's name (王伟 → wangwei), the person picker's search key beside the
 * initials of {@link V13__NameInitials} (A5). A Java migration because the key comes from the pinyin tables, not from
 * SQL; the same statements run on H2 and PostgreSQL. New and renamed people get their key from {@code Person}.
 */
public class V21__NamePinyin extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement ddl = context.getConnection().createStatement()) {
            ddl.execute("alter table person add column name_pinyin varchar(" + PinyinSpelling.MAX + ")");
            ddl.execute("create index person_pinyin_ix on person (name_pinyin)");
        }
        try (Statement select = context.getConnection().createStatement();
             ResultSet people = select.executeQuery("select id, full_name from person");
             PreparedStatement update = context.getConnection()
                     .prepareStatement("update person set name_pinyin = ? where id = ?")) {
            while (people.next()) {
                update.setString(1, PinyinSpelling.of(people.getString(2)));
                update.setLong(2, people.getLong(1));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
