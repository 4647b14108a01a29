//! Customer notifications, free of I/O: the built-in texts, filling in a template, the
//! rules a template set must follow, and where a message goes.
use aftercare_contracts::FieldError;
use aftercare_contracts::intake::{
    Contact, Language, NotificationChannel, NotificationKind, NotificationTemplate,
};

use Language::{En, ZhCn};
use NotificationKind::*;

/// Every kind of message.
pub const KINDS: [NotificationKind; 9] = [
    RequestReceived,
    TechnicianBooked,
    WaitingForParts,
    WorkDone,
    ReceiptIssued,
    CallbackDue,
    AnswerLink,
    MachineReceived,
    ReadyForReturn,
];
/// Every language.
pub const LANGUAGES: [Language; 2] = [ZhCn, En];

fn t(kind: NotificationKind, language: Language, text: &str) -> NotificationTemplate {
    NotificationTemplate {
        kind,
        language,
        text: text.into(),
    }
}

/// The built-in texts, until the company edits them.
pub fn default_templates() -> Vec<NotificationTemplate> {
    vec![
        t(
            RequestReceived,
            ZhCn,
            "{company}，您好：您的服务请求已受理，单号 {number}。",
        ),
        t(
            RequestReceived,
            En,
            "Dear {company}, we have received your request {number}.",
        ),
        t(
            TechnicianBooked,
            ZhCn,
            "您的服务单 {number} 已安排技术员 {technician} 上门。",
        ),
        t(
            TechnicianBooked,
            En,
            "Technician {technician} will visit you for request {number}.",
        ),
        t(
            WaitingForParts,
            ZhCn,
            "您的服务单 {number} 正在等待配件，到货后我们将再次上门。",
        ),
        t(
            WaitingForParts,
            En,
            "Request {number} is waiting for a part; we will come back when it arrives.",
        ),
        t(WorkDone, ZhCn, "您的服务单 {number} 已完工，感谢您的配合。"),
        t(
            WorkDone,
            En,
            "The work for request {number} is done. Thank you.",
        ),
        t(
            ReceiptIssued,
            ZhCn,
            "服务单 {number} 的票据已开具，金额 {total} 元。",
        ),
        t(
            ReceiptIssued,
            En,
            "A receipt of CNY {total} was issued for request {number}.",
        ),
        t(
            CallbackDue,
            ZhCn,
            "我们将于 {due} 回访，了解服务单 {number} 的维修效果。",
        ),
        t(
            CallbackDue,
            En,
            "We will call you on {due} to ask how request {number} went.",
        ),
        t(
            AnswerLink,
            ZhCn,
            "请对服务单 {number} 的服务进行评价：{link}（{due} 前有效，仅可使用一次）",
        ),
        t(
            AnswerLink,
            En,
            "Please rate the service on request {number}: {link} (valid until {due}, single use)",
        ),
        t(
            MachineReceived,
            ZhCn,
            "您的服务单 {number} 的机器已送达维修中心，检修后我们会及时通知您。",
        ),
        t(
            MachineReceived,
            En,
            "The machine of request {number} is at our workshop; we will tell you when it is repaired.",
        ),
        t(
            ReadyForReturn,
            ZhCn,
            "您的服务单 {number} 的机器已可交还，将按约定方式取回、送货或寄回经销商。",
        ),
        t(
            ReadyForReturn,
            En,
            "The machine of request {number} is ready to go back: collected, delivered or shipped as agreed.",
        ),
    ]
}

/// Values for the placeholders.
#[derive(Debug, Default, Clone)]
pub struct Values {
    /// `{number}`.
    pub number: String,
    /// `{company}`.
    pub company: String,
    /// `{technician}`.
    pub technician: String,
    /// `{total}`.
    pub total: String,
    /// `{due}`.
    pub due: String,
    /// `{link}`.
    pub link: String,
}

/// The text of `kind` in `language`, filled in; `None` when the set lacks it.
pub fn render(
    templates: &[NotificationTemplate],
    kind: NotificationKind,
    language: Language,
    v: &Values,
) -> Option<String> {
    // A set saved before a kind existed falls back to that kind's built-in text.
    let text = templates
        .iter()
        .find(|t| t.kind == kind && t.language == language)
        .map(|t| t.text.clone())
        .or_else(|| {
            default_templates()
                .into_iter()
                .find(|t| t.kind == kind && t.language == language)
                .map(|t| t.text)
        })?;
    Some(
        text.replace("{number}", &v.number)
            .replace("{company}", &v.company)
            .replace("{technician}", &v.technician)
            .replace("{total}", &v.total)
            .replace("{due}", &v.due)
            .replace("{link}", &v.link),
    )
}

/// Every problem with a template set: each kind in each language exactly once, texts of
/// 1–500 characters.
pub fn validate(templates: &[NotificationTemplate]) -> Vec<FieldError> {
    let mut e = Vec::new();
    for (i, t) in templates.iter().enumerate() {
        aftercare_contracts::intake::limits::TEMPLATE.check(
            &mut e,
            &format!("templates[{i}].text"),
            &t.text,
        );
        if templates[..i]
            .iter()
            .any(|o| o.kind == t.kind && o.language == t.language)
        {
            e.push(FieldError {
                field: format!("templates[{i}]"),
                code: "duplicate".into(),
                message: "one text per kind and language".into(),
            });
        }
    }
    for kind in KINDS {
        for language in LANGUAGES {
            if !templates
                .iter()
                .any(|t| t.kind == kind && t.language == language)
            {
                e.push(FieldError {
                    field: "templates".into(),
                    code: "missing".into(),
                    message: format!("no text for {kind:?} in {language:?}"),
                });
            }
        }
    }
    e
}

/// Where a message goes on the preferred channel; falls back to a text message to the
/// phone on the ticket when the customer record has no such address.
pub fn address(
    preferred: NotificationChannel,
    contacts: &[Contact],
    ticket_phone: &str,
) -> (NotificationChannel, String) {
    let found = match preferred {
        NotificationChannel::Sms => contacts.iter().find_map(|c| c.phones.first().cloned()),
        NotificationChannel::Email => contacts.iter().find_map(|c| c.email.clone()),
        NotificationChannel::Wechat => contacts.iter().find_map(|c| c.wechat.clone()),
    };
    match found {
        Some(a) if !a.trim().is_empty() => (preferred, a),
        _ => (NotificationChannel::Sms, ticket_phone.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_set_is_complete_and_fills_in() {
        let set = default_templates();
        assert!(validate(&set).is_empty());
        let v = Values {
            number: "T2026-000042".into(),
            technician: "李伟".into(),
            ..Values::default()
        };
        assert_eq!(
            render(&set, TechnicianBooked, ZhCn, &v).as_deref(),
            Some("您的服务单 T2026-000042 已安排技术员 李伟 上门。")
        );
        assert!(render(&set, TechnicianBooked, En, &v).is_some_and(|m| m.contains("李伟")));
    }

    #[test]
    fn incomplete_or_duplicated_sets_are_refused() {
        let mut set = default_templates();
        set.pop();
        assert!(validate(&set).iter().any(|e| e.code == "missing"));
        let mut set = default_templates();
        set.push(set[0].clone());
        assert!(validate(&set).iter().any(|e| e.code == "duplicate"));
    }

    #[test]
    fn messages_go_to_the_preferred_address_or_fall_back_to_sms() {
        let contacts = vec![Contact {
            name: "Chen".into(),
            phones: vec!["13800000000".into()],
            title: String::new(),
            email: Some("chen@example.com".into()),
            wechat: None,
        }];
        assert_eq!(
            address(NotificationChannel::Email, &contacts, "x"),
            (NotificationChannel::Email, "chen@example.com".into())
        );
        assert_eq!(
            address(NotificationChannel::Wechat, &contacts, "020-1"),
            (NotificationChannel::Sms, "020-1".into())
        );
        assert_eq!(
            address(NotificationChannel::Sms, &contacts, "x").1,
            "13800000000"
        );
    }
}
