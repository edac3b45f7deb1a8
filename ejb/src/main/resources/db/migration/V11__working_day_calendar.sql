-- Version 11: the working-day calendar (B2). Days that break the ordinary rule (Monday-Friday work): public holidays
-- and make-up work days (调休). Seeded with 2026 from the State Council General Office's notice on the 2026 holiday
-- arrangements (国务院办公厅关于2026年部分节假日安排的通知, 4 Nov 2025); later years are entered by the system
-- administrator on the calendar page (admin/calendar.xhtml), by hand or as the notice's CSV.
create table calendar_day (
    cal_date date        not null primary key,
    kind     varchar(10) not null,
    name     varchar(50),
    constraint calendar_day_kind_ck check (kind in ('HOLIDAY', 'WORKDAY'))
);
insert into calendar_day (cal_date, kind, name) values
    (date '2026-01-01', 'HOLIDAY', '元旦'),
    (date '2026-01-02', 'HOLIDAY', '元旦'),
    (date '2026-01-03', 'HOLIDAY', '元旦'),
    (date '2026-01-04', 'WORKDAY', '元旦'),
    (date '2026-02-14', 'WORKDAY', '春节'),
    (date '2026-02-15', 'HOLIDAY', '春节'),
    (date '2026-02-16', 'HOLIDAY', '春节'),
    (date '2026-02-17', 'HOLIDAY', '春节'),
    (date '2026-02-18', 'HOLIDAY', '春节'),
    (date '2026-02-19', 'HOLIDAY', '春节'),
    (date '2026-02-20', 'HOLIDAY', '春节'),
    (date '2026-02-21', 'HOLIDAY', '春节'),
    (date '2026-02-22', 'HOLIDAY', '春节'),
    (date '2026-02-23', 'HOLIDAY', '春节'),
    (date '2026-02-28', 'WORKDAY', '春节'),
    (date '2026-04-04', 'HOLIDAY', '清明节'),
    (date '2026-04-05', 'HOLIDAY', '清明节'),
    (date '2026-04-06', 'HOLIDAY', '清明节'),
    (date '2026-05-01', 'HOLIDAY', '劳动节'),
    (date '2026-05-02', 'HOLIDAY', '劳动节'),
    (date '2026-05-03', 'HOLIDAY', '劳动节'),
    (date '2026-05-04', 'HOLIDAY', '劳动节'),
    (date '2026-05-05', 'HOLIDAY', '劳动节'),
    (date '2026-05-09', 'WORKDAY', '劳动节'),
    (date '2026-06-19', 'HOLIDAY', '端午节'),
    (date '2026-06-20', 'HOLIDAY', '端午节'),
    (date '2026-06-21', 'HOLIDAY', '端午节'),
    (date '2026-09-20', 'WORKDAY', '国庆节'),
    (date '2026-09-25', 'HOLIDAY', '中秋节'),
    (date '2026-09-26', 'HOLIDAY', '中秋节'),
    (date '2026-09-27', 'HOLIDAY', '中秋节'),
    (date '2026-10-01', 'HOLIDAY', '国庆节'),
    (date '2026-10-02', 'HOLIDAY', '国庆节'),
    (date '2026-10-03', 'HOLIDAY', '国庆节'),
    (date '2026-10-04', 'HOLIDAY', '国庆节'),
    (date '2026-10-05', 'HOLIDAY', '国庆节'),
    (date '2026-10-06', 'HOLIDAY', '国庆节'),
    (date '2026-10-07', 'HOLIDAY', '国庆节'),
    (date '2026-10-10', 'WORKDAY', '国庆节');

-- Presence per person and day (B1): which half-hours of the day (bit n = 00:00 + 30·n minutes, campus time) saw the
-- person active. The daily report reads morning and afternoon presence and leaders' coverage of working hours from it.
create table presence_day (
    person_id bigint not null references person (id),
    pday      date   not null,
    slots     bigint not null,
    primary key (person_id, pday)
);
create index presence_day_day_ix on presence_day (pday);
