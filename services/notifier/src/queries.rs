//! The notifier's request endpoints (`svc.notifier.*`): the gateway reads the messages
//! kept (the desk's "sent messages" view and a ticket's messages), one message, and the
//! channels configured. Reads only; what leaves here never carries a secret: a one-time
//! code still waiting to be sent and an answer link's token are masked in the text.
use aftercare_contracts::ServiceError;
use aftercare_contracts::notifier::{
    GetNotificationChannels, GetSentMessage, ListSentMessages, MessageAttempt, MessageKind,
    MessageStatus, NotificationChannels, SentMessage,
};
use aftercare_contracts::rpc::{Page, check_limit};
use aftercare_platform::db::parse_id;
use aftercare_platform::rpc::{Endpoint, Endpoints, RequestContext};
use aftercare_platform::{Db, Error, Result, from_ms};
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::compose;
use crate::deliver::Channels;
use crate::store;

/// What every endpoint reaches: the database and the channels configured.
#[derive(Clone)]
pub(crate) struct State {
    db: Db,
    channels: Channels,
}

/// The notifier's endpoints, one per request type it answers.
pub(crate) fn endpoints(db: Db, channels: Channels) -> Vec<Endpoint> {
    Endpoints::new(State { db, channels })
        .on::<ListSentMessages, _>(list)
        .on::<GetSentMessage, _>(get)
        .on::<GetNotificationChannels, _>(configured)
        .into_vec()
}

async fn list(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListSentMessages,
) -> Result<Page<SentMessage>, ServiceError> {
    check_limit(req.limit)?;
    if let Some(c) = &req.cursor
        && Uuid::parse_str(c.trim()).is_err()
    {
        return Err(ServiceError::field(
            "cursor",
            "invalid",
            "cursor must be the next_cursor of the previous page",
        ));
    }
    let items = messages(&db, &req).await?;
    Ok(Page::of(items, req.limit, |m| m.id.to_string()))
}

async fn get(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetSentMessage,
) -> Result<SentMessage, ServiceError> {
    let missing = || ServiceError::not_found("message", &req.id);
    let id = Uuid::parse_str(req.id.trim()).map_err(|_| missing())?;
    let mut m = message(&db, id).await?.ok_or_else(missing)?;
    m.attempt_history = store::attempts(&db, &id.to_string())
        .await?
        .into_iter()
        .map(|a| MessageAttempt {
            attempt: u32::try_from(a.attempt).unwrap_or(u32::MAX),
            at: from_ms(a.at),
            outcome: a.outcome,
            provider_status: a.provider_status,
            error: a.error,
        })
        .collect();
    Ok(m)
}

async fn configured(
    State { channels, .. }: State,
    _ctx: RequestContext,
    _req: GetNotificationChannels,
) -> Result<NotificationChannels, ServiceError> {
    Ok(NotificationChannels {
        configured: channels
            .configured()
            .into_iter()
            .filter_map(compose::parse_channel)
            .collect(),
    })
}

const COLUMNS: &str = "message_key, ticket_id, ticket_number, customer_id, kind, channel, \
    recipient, language, subject, body, secret, status, attempts, last_error, \
    next_attempt_at, created_at, sent_at";

/// The messages `req` asks for, newest first (by id: event ids are time-ordered).
pub(crate) async fn messages(db: &Db, req: &ListSentMessages) -> Result<Vec<SentMessage>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "select {COLUMNS} from notification
         where ($1 = '' or status = $1) and ($2 = '' or channel = $2)
           and ($3 = '' or ticket_id = $3) and ($4 = '' or customer_id = $4)
           and created_at >= $5 and created_at < $6
           and ($7 = '' or message_key < $7)
         order by message_key desc limit $8"
    )))
    .bind(req.status.map(status_name).unwrap_or_default())
    .bind(req.channel.map(compose::channel_name).unwrap_or_default())
    .bind(req.ticket_id.map(|t| t.to_string()).unwrap_or_default())
    .bind(req.customer_id.map(|c| c.to_string()).unwrap_or_default())
    .bind(req.from.map_or(i64::MIN, |t| t.timestamp_millis()))
    .bind(req.to.map_or(i64::MAX, |t| t.timestamp_millis()))
    .bind(
        req.cursor
            .as_deref()
            .map(|c| c.trim().to_lowercase())
            .unwrap_or_default(),
    )
    .bind(i64::from(req.limit))
    .fetch_all(db.read())
    .await?;
    rows.iter().map(from_row).collect()
}

/// One message, if kept.
pub(crate) async fn message(db: &Db, id: Uuid) -> Result<Option<SentMessage>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "select {COLUMNS} from notification where message_key = $1"
    )))
    .bind(id.to_string())
    .fetch_optional(db.read())
    .await?;
    row.as_ref().map(from_row).transpose()
}

fn status_name(s: MessageStatus) -> &'static str {
    match s {
        MessageStatus::Pending => "pending",
        MessageStatus::Failed => "failed",
        MessageStatus::Sent => "sent",
        MessageStatus::DeadLettered => "dead_lettered",
        MessageStatus::Unsent => "unsent",
    }
}

const STATUSES: [MessageStatus; 5] = [
    MessageStatus::Pending,
    MessageStatus::Failed,
    MessageStatus::Sent,
    MessageStatus::DeadLettered,
    MessageStatus::Unsent,
];

fn from_row(row: &AnyRow) -> Result<SentMessage> {
    let stored = |what: &str, v: &str| Error::corrupt(what, v, "not a known value");
    let kind: String = row.try_get("kind")?;
    let channel: String = row.try_get("channel")?;
    let language: String = row.try_get("language")?;
    let status: String = row.try_get("status")?;
    let status = STATUSES
        .into_iter()
        .find(|s| status_name(*s) == status)
        .ok_or_else(|| stored("status", &status))?;
    let customer: Option<String> = row.try_get("customer_id")?;
    let body: String = row.try_get("body")?;
    let secret: Option<String> = row.try_get("secret")?;
    let next: i64 = row.try_get("next_attempt_at")?;
    let attempts: i64 = row.try_get("attempts")?;
    let key: String = row.try_get("message_key")?;
    Ok(SentMessage {
        id: parse_id(&key)?,
        ticket_id: parse_id(&row.try_get::<String, _>("ticket_id")?)?,
        ticket_number: row.try_get("ticket_number")?,
        customer_id: customer.as_deref().map(parse_id).transpose()?,
        kind: MessageKind::parse(&kind).ok_or_else(|| stored("kind", &kind))?,
        channel: compose::parse_channel(&channel).ok_or_else(|| stored("channel", &channel))?,
        to: row.try_get("recipient")?,
        language: compose::parse_language(&language)
            .ok_or_else(|| stored("language", &language))?,
        subject: row.try_get("subject")?,
        body: mask_link_tokens(&compose::redact(&body, secret.as_deref())),
        status,
        attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
        last_error: row.try_get("last_error")?,
        attempt_history: Vec::new(),
        next_attempt_at: matches!(status, MessageStatus::Pending | MessageStatus::Failed)
            .then(|| from_ms(next)),
        created_at: from_ms(row.try_get("created_at")?),
        sent_at: row.try_get::<Option<i64>, _>("sent_at")?.map(from_ms),
    })
}

/// Where an answer link's token starts: the link is `<public url>/answer.html#<token>`.
const ANSWER_LINK: &str = "/answer.html#";

/// The text with every answer link's token masked: the token answers the customer's
/// callback, so only the customer may hold it.
fn mask_link_tokens(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find(ANSWER_LINK) {
        let (before, after) = rest.split_at(at + ANSWER_LINK.len());
        out.push_str(before);
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(after.len());
        out.push_str(&"•".repeat(end));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_links_token_is_masked_and_the_rest_kept() {
        let body = "请对服务单 T2026-000001 的服务进行评价：https://aftercare.example.com/answer.html#Zx9_k-Q2w3e4r5t6y7u8（2026-12-08 18:00 前有效，仅可使用一次）";
        let masked = mask_link_tokens(body);
        assert!(!masked.contains("Zx9_k-Q2w3e4r5t6y7u8"), "{masked}");
        assert!(masked.contains("/answer.html#••••••••••••••••••••（2026-12-08 18:00"));
        assert!(masked.starts_with("请对服务单 T2026-000001"));
        let plain = "您的报修 T2026-000001 已安排技术员 李伟 上门。";
        assert_eq!(mask_link_tokens(plain), plain);
        assert_eq!(
            mask_link_tokens("a /answer.html#abc and /answer.html#de"),
            "a /answer.html#••• and /answer.html#••"
        );
    }

    #[test]
    fn every_stored_name_reads_back() {
        use aftercare_contracts::intake::NotificationKind;
        use aftercare_contracts::notifier::DeliveryOutcome;
        for s in STATUSES {
            let stored = crate::store::MessageStatus::parse(status_name(s)).unwrap();
            assert_eq!(stored.name(), status_name(s));
            assert_eq!(serde_json::to_value(s).unwrap(), status_name(s));
        }
        for kind in MessageKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.name());
            assert_eq!(MessageKind::parse(kind.name()), Some(*kind));
        }
        // Every kind the notifier stores is one the answer names, under the same name.
        for kind in NotificationKind::ALL {
            let name = compose::kind_name(Some(*kind));
            assert_eq!(name, kind.name());
            assert_eq!(MessageKind::parse(name), Some(MessageKind::from(*kind)));
        }
        assert_eq!(
            MessageKind::parse(compose::kind_name(None)),
            Some(MessageKind::OneTimeCode)
        );
        assert_eq!(MessageKind::ALL.len(), NotificationKind::ALL.len() + 1);
        for o in [
            DeliveryOutcome::Sent,
            DeliveryOutcome::Failed,
            DeliveryOutcome::Refused,
        ] {
            assert_eq!(store::parse_outcome(store::outcome_name(o)), Some(o));
            assert_eq!(serde_json::to_value(o).unwrap(), store::outcome_name(o));
        }
    }
}
