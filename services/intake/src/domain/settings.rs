//! The company settings intake keeps (see `aftercare_platform::company_settings`): each
//! names its built-in list and the rules a replacement must follow, which live with the
//! setting's own rules ([`super::priority`], [`super::sla`], [`super::notify`]).
use aftercare_contracts::FieldError;
use aftercare_contracts::intake::{NotificationTemplate, PriorityRule, SlaTargetRule};
use aftercare_platform::CompanySetting;

/// The rules that give a new ticket its priority, first match wins.
pub struct PriorityRules;

impl CompanySetting for PriorityRules {
    const NAME: &'static str = "priority_rules";
    const WHAT: &'static str = "priority rules";
    type Item = PriorityRule;
    fn built_in() -> Vec<PriorityRule> {
        super::priority::default_rules()
    }
    fn problems(items: &[PriorityRule]) -> Vec<FieldError> {
        super::priority::validate(items)
    }
}

/// The response and resolution targets by ticket type, priority and tier.
pub struct SlaPolicy;

impl CompanySetting for SlaPolicy {
    const NAME: &'static str = "sla_policy";
    const WHAT: &'static str = "SLA targets";
    type Item = SlaTargetRule;
    fn built_in() -> Vec<SlaTargetRule> {
        super::sla::default_policy()
    }
    fn problems(items: &[SlaTargetRule]) -> Vec<FieldError> {
        super::sla::validate_policy(items)
    }
}

/// The texts of the customer notifications by kind, channel and language.
pub struct NotificationTemplates;

impl CompanySetting for NotificationTemplates {
    const NAME: &'static str = "notification_templates";
    const WHAT: &'static str = "notification texts";
    type Item = NotificationTemplate;
    fn built_in() -> Vec<NotificationTemplate> {
        super::notify::default_templates()
    }
    fn problems(items: &[NotificationTemplate]) -> Vec<FieldError> {
        super::notify::validate(items)
    }
}
