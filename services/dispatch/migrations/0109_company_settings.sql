-- The duration defaults move into the platform's versioned company_setting table with
-- every version stored so far.
insert into company_setting (setting, version, body, updated_at, updated_by)
    select 'duration_defaults', version, body, updated_at, updated_by from duration_defaults;
drop table duration_defaults;
