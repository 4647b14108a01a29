-- Priority rules, SLA targets and notification texts move into the platform's versioned
-- company_setting table; the stored version of each carries over.
insert into company_setting (setting, version, body, updated_at, updated_by)
    select 'priority_rules', version, rules, updated_at, updated_by from priority_rules;
insert into company_setting (setting, version, body, updated_at, updated_by)
    select 'sla_policy', version, targets, updated_at, updated_by from sla_policy;
insert into company_setting (setting, version, body, updated_at, updated_by)
    select 'notification_templates', version, templates, updated_at, updated_by from notification_templates;
drop table priority_rules;
drop table sla_policy;
drop table notification_templates;
