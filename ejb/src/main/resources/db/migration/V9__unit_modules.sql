-- Version 9: the modules each unit may use (O2.7), set on top-level units by the system administrator. Every existing
-- unit keeps all modules.
create table unit_module (
    unit_id bigint      not null references org_unit (id) on delete cascade,
    module  varchar(32) not null,
    primary key (unit_id, module),
    constraint unit_module_ck check (module in ('FLOWS', 'OFFICIAL_DOCUMENTS', 'NOTICES', 'MAIL', 'DOCUMENTS'))
);
insert into unit_module (unit_id, module)
select u.id, m.module
from org_unit u
cross join (values ('FLOWS'), ('OFFICIAL_DOCUMENTS'), ('NOTICES'), ('MAIL'), ('DOCUMENTS')) as m (module);
