-- The quality thresholds move into the platform's versioned company_setting table with
-- every version stored so far.
insert into company_setting (setting, version, body, updated_at, updated_by)
    select 'quality_thresholds', version, body, updated_at, updated_by from quality_thresholds;
drop table quality_thresholds;
