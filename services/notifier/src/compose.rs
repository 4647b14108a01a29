//! What a notification event becomes: one message with its key, recipient, subject line
//! and text.
use aftercare_contracts::intake::{
    CustomerNotification, Language, NotificationChannel, NotificationKind, TicketCodeRequested,
};
use aftercare_contracts::notifier::MessageKind;
use uuid::Uuid;

use crate::deliver::Outgoing;

/// A message intake composed (its text from the company's templates).
pub(crate) fn notification(event_id: Uuid, n: &CustomerNotification) -> Outgoing {
    Outgoing {
        key: event_id.to_string(),
        ticket_id: n.ticket_id,
        ticket_number: n.number.clone(),
        customer_id: n.customer_id,
        kind: kind_name(Some(n.kind)).to_owned(),
        channel: n.channel,
        to: n.to.clone(),
        language: n.language,
        subject: subject(n.language, &n.number),
        body: n.message.clone(),
        secret: None,
    }
}

/// A one-time code by SMS to the phone on file; the code is the message's secret, kept
/// only until the message is sent or given up.
pub(crate) fn code(event_id: Uuid, c: &TicketCodeRequested) -> Outgoing {
    Outgoing {
        key: event_id.to_string(),
        ticket_id: c.ticket_id,
        ticket_number: c.number.clone(),
        customer_id: None,
        kind: kind_name(None).to_owned(),
        channel: NotificationChannel::Sms,
        to: c.phone.clone(),
        language: Language::ZhCn,
        subject: subject(Language::ZhCn, &c.number),
        body: format!(
            "您查询报修单 {} 的验证码为 {}，请勿告诉他人。",
            c.number, c.code
        ),
        secret: Some(c.code.clone()),
    }
}

/// The kind as stored and listed: the event's kind, or `one_time_code`.
pub(crate) fn kind_name(kind: Option<NotificationKind>) -> &'static str {
    kind.map_or(MessageKind::OneTimeCode, MessageKind::from)
        .name()
}

/// The channel as stored and listed.
pub(crate) fn channel_name(channel: NotificationChannel) -> &'static str {
    match channel {
        NotificationChannel::Sms => "sms",
        NotificationChannel::Email => "email",
        NotificationChannel::Wechat => "wechat",
    }
}

/// The language as stored and listed.
pub(crate) fn language_name(language: Language) -> &'static str {
    match language {
        Language::ZhCn => "zh-CN",
        Language::En => "en",
    }
}

/// The channel a stored name stands for.
pub(crate) fn parse_channel(name: &str) -> Option<NotificationChannel> {
    [
        NotificationChannel::Sms,
        NotificationChannel::Email,
        NotificationChannel::Wechat,
    ]
    .into_iter()
    .find(|c| channel_name(*c) == name)
}

/// The language a stored name stands for.
pub(crate) fn parse_language(name: &str) -> Option<Language> {
    [Language::ZhCn, Language::En]
        .into_iter()
        .find(|l| language_name(*l) == name)
}

/// The subject line of an e-mail about ticket `number`.
fn subject(language: Language, number: &str) -> String {
    match language {
        Language::ZhCn => format!("您的报修 {number}"),
        Language::En => format!("Your service request {number}"),
    }
}

/// The text with the secret masked, as kept once the message no longer needs it.
pub(crate) fn redact(body: &str, secret: Option<&str>) -> String {
    match secret {
        Some(s) if !s.is_empty() => body.replace(s, &"•".repeat(s.chars().count())),
        _ => body.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_sent_by_sms_to_the_phone_on_file_and_masked_once_done() {
        let c = TicketCodeRequested::example();
        let m = code(Uuid::nil(), &c);
        assert_eq!(m.channel, NotificationChannel::Sms);
        assert_eq!(m.to, c.phone);
        assert!(m.body.contains(&c.code) && m.body.contains(&c.number));
        let kept = redact(&m.body, m.secret.as_deref());
        assert!(!kept.contains(&c.code));
        assert!(kept.contains("••••••"));
    }

    #[test]
    fn a_notification_keeps_intakes_text_channel_and_address() {
        let n = CustomerNotification::example();
        let m = notification(Uuid::nil(), &n);
        assert_eq!((m.channel, m.to.as_str()), (n.channel, n.to.as_str()));
        assert_eq!(m.body, n.message);
        assert_eq!(m.kind, "technician_booked");
        assert_eq!(m.key, Uuid::nil().to_string());
        assert_eq!(redact(&m.body, None), m.body);
    }
}
