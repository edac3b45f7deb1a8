package cn.edu.xietong.setup;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Version 22: the flows' notices become the notification centre that every module posts to (A2, B2). The table
 * {@code flow_notice} is renamed {@code notification} and keeps its rows: each names module {@code FLOWS}, its
 * instance as the object, the instance's title as subject and {@code notification.flow.<kind>} as its text. A Java
 * migration because H2 cannot rename a sequence: the new {@code notification_seq} starts above the highest id kept,
 * on H2 and PostgreSQL alike.
 */
public class V22__NotificationCentre extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("alter table flow_notice rename to notification");
            sql.execute("alter index flow_notice_person_ix rename to notification_person_ix");
            sql.execute("alter table notification add column module varchar(32)");
            sql.execute("alter table notification add column object_id bigint");
            sql.execute("alter table notification add column subject varchar(200)");
            sql.execute("alter table notification add column text_key varchar(100)");
            sql.execute("alter table notification add column arguments varchar(1000)");
            sql.execute("alter table notification add column text_zh varchar(500)");
            sql.execute("alter table notification add column text_en varchar(500)");
            sql.execute("alter table notification alter column kind set data type varchar(32)");
            sql.execute("alter table notification alter column note set data type varchar(2000)");
            sql.execute("update notification set module = 'FLOWS', object_id = instance_id,"
                    + " subject = (select substring(i.title from 1 for 200) from flow_instance i"
                    + " where i.id = notification.instance_id),"
                    + " text_key = 'notification.flow.' || kind,"
                    + " arguments = case when kind = 'ESCALATION' then '[\"—\"]' else '[]' end");
            sql.execute("alter table notification alter column module set not null");
            sql.execute("alter table notification alter column object_id set not null");
            sql.execute("alter table notification drop column instance_id");
            long highest;
            try (ResultSet max = sql.executeQuery("select coalesce(max(id), 0) from notification")) {
                max.next();
                highest = max.getLong(1);
            }
            sql.execute("drop sequence flow_notice_seq");
            sql.execute("create sequence notification_seq start with " + (highest + 50) + " increment by 50");
        }
    }
}
