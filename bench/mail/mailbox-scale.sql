-- Mail at scale for MailboxScaleBench (issue #13), PostgreSQL: bulk SQL, no service calls. Sections are run by
-- name; ${...} are filled in by the benchmark. Every message has ten entries: its sender's (SENT) and nine
-- recipients' (INBOX). Senders and recipients come from the generated university's staff (the pool); the reader is
-- the one person whose inbox is timed: the 9th recipient of every 1000th message (1,000 mails over the year, 20 of
-- them filed in a folder of their own, a third unread). Ids start far above what the sequences hand out.

-- @section pool
create temp table bench_pool as
    select (row_number() over (order by id) - 1)::int as n, id from person
    where login like '${tag}p%' and id <> ${reader};

-- @section folder
insert into mail_folder (id, owner_id, name, created_at)
    values (2000000000, ${reader}, '教学项目', timestamp '2026-01-01 08:00');

-- @section mail
insert into mail_message (id, sender_id, subject, body_html, body_text, size_bytes, created_at, updated_at, sent_at,
                          version)
select 1000000000 + g, s.a[1 + g % s.c], '关于第' || g || '号事项的通知',
       '<p>各位老师：</p><p>第' || g || '号事项请于本周内办理，详见附件。</p>',
       '各位老师：第' || g || '号事项请于本周内办理，详见附件。', 2000 + g % 30000, x.t, x.t, x.t, 0
from (select array_agg(id order by n) as a, count(*)::int as c from bench_pool) s,
     generate_series(1, ${messages}) g,
     lateral (select timestamp '2026-01-01 08:00' + g * interval '${step} second' as t) x
where ${which};

-- @section entries
insert into mail_entry (id, message_id, owner_id, role, folder, folder_id, seen, flagged, filed_at, size_bytes,
                        version)
select 10000000000 + g * 10 + k, 1000000000 + g,
       case when k = 0 then s.a[1 + g % s.c]
            when k = 9 and g % 1000 = 0 then ${reader}
            else s.a[1 + (g + k * 331) % s.c] end,
       case when k = 0 then 'SENDER' else 'TO' end,
       case when k = 0 then 'SENT'
            when k = 9 and g % 1000 = 0 and (g / 1000) % 50 = 0 then 'CUSTOM'
            else 'INBOX' end,
       case when k = 9 and g % 1000 = 0 and (g / 1000) % 50 = 0 then 2000000000 end,
       case when k = 0 then true
            when k = 9 and g % 1000 = 0 then (g / 1000) % 3 <> 0
            else (g + k) % 4 <> 0 end,
       false, x.t + interval '1 second', 2000 + g % 30000, 0
from (select array_agg(id order by n) as a, count(*)::int as c from bench_pool) s,
     generate_series(1, ${messages}) g,
     generate_series(0, 9) k,
     lateral (select timestamp '2026-01-01 08:00' + g * interval '${step} second' as t) x
where ${which};

-- @section drop-indexes
alter table mail_entry drop constraint mail_entry_uq;
drop index mail_entry_box_ix;
drop index mail_entry_message_ix;
drop index mail_entry_folder_ix;
drop index mail_entry_usage_ix;
alter table mail_entry drop constraint mail_entry_message_id_fkey;
alter table mail_entry drop constraint mail_entry_owner_id_fkey;

-- @section add-indexes
alter table mail_entry add constraint mail_entry_uq unique (message_id, owner_id, role);
create index mail_entry_box_ix on mail_entry (owner_id, folder, filed_at);
create index mail_entry_message_ix on mail_entry (message_id);
create index mail_entry_folder_ix on mail_entry (folder_id);
create index mail_entry_usage_ix on mail_entry (owner_id, removed_at, size_bytes);
alter table mail_entry add constraint mail_entry_message_id_fkey foreign key (message_id) references mail_message (id);
alter table mail_entry add constraint mail_entry_owner_id_fkey foreign key (owner_id) references person (id);

-- @section analyze
vacuum analyze mail_message;
vacuum analyze mail_entry;
vacuum analyze mail_folder;

-- @section explain
explain (analyze, buffers, costs off)
select e.id, m.subject, p.full_name from mail_entry e join mail_message m on m.id = e.message_id
    join person p on p.id = m.sender_id
where e.owner_id = ${reader} and e.folder = 'INBOX' and e.removed_at is null
order by e.filed_at desc, e.id desc limit 50;
explain (analyze, buffers, costs off)
select count(e.id) from mail_entry e
where e.owner_id = ${reader} and e.folder = 'INBOX' and e.seen = false and e.removed_at is null;
explain (analyze, buffers, costs off)
select sum(e.size_bytes) from mail_entry e
where e.owner_id = ${reader} and e.removed_at is null;
explain (analyze, buffers, costs off)
select count(e.id) from mail_entry e where e.folder_id = 2000000000 and e.removed_at is null;
