//! SMS and WeChat through a real HTTP provider on loopback (the test kit's provider stub), on
//! SQLite and PostgreSQL: a message is delivered once with the key and its idempotency key,
//! an outage (503) is retried until the provider is back, a refusal (400) is given up at
//! once, a message is given up after its attempts, an answer lost after the provider
//! accepted does not make a second SMS, a redelivered event is not sent again, a provider's
//! `Retry-After` is waited for (up to the longest wait), each attempt is recorded, and a
//! channel's rate limit holds messages back without dropping them.
#![allow(clippy::unwrap_used, missing_docs)]

mod support;

use std::sync::Arc;
use std::time::Duration;

use aftercare_contracts::intake::{
    CustomerNotification, Language, NotificationChannel, TicketCodeRequested,
};
use aftercare_contracts::notifier::DeliveryOutcome;
use aftercare_contracts::{Envelope, Event};
use aftercare_notifier::{
    Channels, Config, DeliveryPolicy, HttpProvider, MessageStatus, RateLimits, StoredMessage,
    attempts,
};
use aftercare_platform::now_ms;
use aftercare_testkit::{ProviderStub, TestBackend};

use support::Harness;

const KEY: &str = "sk-test-0123456789";
const WAIT: Duration = Duration::from_secs(20);

fn text(channel: NotificationChannel, to: &str, message: &str) -> Envelope<CustomerNotification> {
    Envelope::new(
        CustomerNotification {
            channel,
            to: to.to_owned(),
            language: Language::ZhCn,
            message: message.to_owned(),
            ..CustomerNotification::example()
        },
        None,
    )
}

fn config(stub: &ProviderStub, limits: RateLimits) -> Config {
    Config {
        channels: Channels {
            sms: Some(Arc::new(
                HttpProvider::new(NotificationChannel::Sms, &stub.url(), KEY).unwrap(),
            )),
            wechat: Some(Arc::new(
                HttpProvider::new(NotificationChannel::Wechat, &stub.url(), KEY).unwrap(),
            )),
            ..Channels::default()
        },
        delivery: DeliveryPolicy {
            max_attempts: 4,
            retry_base: Duration::from_millis(300),
            poll: Duration::from_millis(50),
            send_timeout: Duration::from_secs(2),
            limits,
            ..DeliveryPolicy::default()
        },
    }
}

async fn publish(h: &Harness, msg_id: &str, e: &Envelope<CustomerNotification>) {
    h.publish(
        CustomerNotification::TYPE,
        msg_id,
        serde_json::to_vec(e).unwrap(),
    )
    .await;
}

async fn until_status(h: &Harness, what: &str, key: &str, status: MessageStatus) -> StoredMessage {
    let all = h
        .until(what, WAIT, |m| {
            m.iter().any(|m| m.key() == key && m.status == status)
        })
        .await;
    all.into_iter().find(|m| m.key() == key).unwrap()
}

async fn sms_is_delivered_once_through_outages_refusals_and_lost_answers(backend: TestBackend) {
    let stub = ProviderStub::start(KEY).await.unwrap();
    let h = Harness::start(backend, config(&stub, RateLimits::default())).await;

    // Delivered: the document, the key and the message's key as the idempotency key.
    let first = text(
        NotificationChannel::Sms,
        "13800138000",
        "王师傅将于 10:00 上门。",
    );
    publish(&h, "first", &first).await;
    let key = first.id.to_string();
    let sent = until_status(&h, "the first SMS sent", &key, MessageStatus::Sent).await;
    assert_eq!(sent.attempts, 1);
    assert!(sent.sent_at.is_some());
    assert_eq!(sent.provider_message_id.as_deref(), Some("stub-1"));
    let got = stub.delivered();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].method, "POST");
    assert_eq!(got[0].path, "/v1/messages");
    assert_eq!(
        got[0].header("authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
    assert_eq!(got[0].idempotency_key(), Some(key.as_str()));
    assert_eq!(got[0].header("content-type"), Some("application/json"));
    let doc = got[0].json();
    assert_eq!(doc["message_key"], key.as_str());
    assert_eq!(doc["channel"], "sms");
    assert_eq!(doc["to"], "13800138000");
    assert_eq!(doc["text"], "王师傅将于 10:00 上门。");
    assert_eq!(doc["language"], "zh-CN");
    assert_eq!(doc["kind"], "technician_booked");
    assert_eq!(doc["ticket_number"], first.data.number.as_str());

    // The same event again (a producer's retry, a redelivery): neither recorded nor sent.
    publish(&h, "first-again", &first).await;
    h.settled(1).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(h.messages().await.len(), 1);
    assert_eq!(stub.requests().len(), 1);

    // The provider is down (503): retried with the same idempotency key until it is back,
    // then delivered once.
    stub.fail_with(Some(503));
    let second = text(NotificationChannel::Sms, "13800138001", "您的配件已到货。");
    publish(&h, "second", &second).await;
    let key = second.id.to_string();
    let failed = until_status(&h, "the second SMS failing", &key, MessageStatus::Failed).await;
    assert!(failed.attempts >= 1);
    assert!(
        failed.last_error.as_deref().unwrap().contains("503"),
        "{failed:?}"
    );
    assert!(failed.next_attempt_at > failed.created_at);
    stub.fail_with(None);
    let sent = until_status(&h, "the second SMS sent", &key, MessageStatus::Sent).await;
    assert!(sent.attempts >= 2, "{sent:?}");
    let tries: Vec<_> = stub
        .requests()
        .into_iter()
        .filter(|r| r.idempotency_key() == Some(key.as_str()))
        .collect();
    assert_eq!(tries.len() as i64, sent.attempts);
    assert!(tries[..tries.len() - 1].iter().all(|r| r.status == 503));
    assert_eq!(stub.delivered().len(), 2);
    // Each attempt is kept: the failures with the provider's 503, then the send.
    let log = attempts(h.db.db(), &key).await.unwrap();
    assert_eq!(log.len() as i64, sent.attempts, "{log:?}");
    for (n, a) in log.iter().enumerate() {
        assert_eq!(a.attempt, n as i64 + 1);
        assert!(a.at >= sent.created_at);
    }
    let (last, failures) = log.split_last().unwrap();
    assert!(failures.iter().all(|a| a.outcome == DeliveryOutcome::Failed
        && a.provider_status == Some(503)
        && a.error.as_deref().is_some_and(|e| e.contains("503"))));
    assert_eq!(
        (last.outcome, last.provider_status, last.error.as_deref()),
        (DeliveryOutcome::Sent, Some(200), None)
    );

    // Refused for good (400): given up at once with what the provider said.
    stub.refuse("10000");
    let refused = text(NotificationChannel::Sms, "10000", "您好。");
    publish(&h, "refused", &refused).await;
    let key = refused.id.to_string();
    let dead = until_status(
        &h,
        "the refused SMS given up",
        &key,
        MessageStatus::DeadLettered,
    )
    .await;
    assert_eq!(dead.attempts, 1);
    let error = dead.last_error.as_deref().unwrap();
    assert!(
        error.contains("400") && error.contains("invalid number"),
        "{error}"
    );
    assert_eq!(dead.provider_message_id, None);
    let log = attempts(h.db.db(), &key).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].outcome, log[0].provider_status),
        (DeliveryOutcome::Refused, Some(400))
    );

    // Down for longer than the retries last: given up after its four attempts.
    stub.fail_with(Some(503));
    let lost = text(
        NotificationChannel::Wechat,
        "wx-li-wei",
        "回访将于明天进行。",
    );
    publish(&h, "lost", &lost).await;
    let key = lost.id.to_string();
    let dead = until_status(
        &h,
        "the WeChat message given up",
        &key,
        MessageStatus::DeadLettered,
    )
    .await;
    assert_eq!(dead.attempts, 4);
    assert!(dead.last_error.as_deref().unwrap().contains("503"));
    let tries = stub
        .requests()
        .iter()
        .filter(|r| r.idempotency_key() == Some(key.as_str()))
        .count();
    assert_eq!(tries, 4);
    stub.fail_with(None);
    assert_eq!(stub.delivered().len(), 2);

    // The provider accepts but its answer never arrives in time (as if the notifier
    // stopped between the provider's acceptance and its record): the retry carries the
    // same idempotency key and the provider does not send a second SMS.
    stub.answer_next_late(Duration::from_secs(5));
    let code = Envelope::new(TicketCodeRequested::example(), None);
    h.publish(
        TicketCodeRequested::TYPE,
        "code",
        serde_json::to_vec(&code).unwrap(),
    )
    .await;
    let key = code.id.to_string();
    let sent = until_status(
        &h,
        "the code sent after a lost answer",
        &key,
        MessageStatus::Sent,
    )
    .await;
    assert_eq!(sent.attempts, 2, "{sent:?}");
    let tries = stub
        .requests()
        .into_iter()
        .filter(|r| r.idempotency_key() == Some(key.as_str()))
        .count();
    assert_eq!(tries, 2);
    let delivered: Vec<_> = stub
        .delivered()
        .into_iter()
        .filter(|r| r.idempotency_key() == Some(key.as_str()))
        .collect();
    assert_eq!(delivered.len(), 1, "one SMS, not two");
    assert_eq!(sent.provider_message_id, delivered[0].message_id);
    assert!(
        delivered[0].json()["text"]
            .as_str()
            .unwrap()
            .contains(&code.data.code)
    );
    assert_eq!(delivered[0].json()["to"], code.data.phone.as_str());
    // The code is not kept once sent.
    assert!(!sent.outgoing.body.contains(&code.data.code));

    // The notifier's metrics count per channel.
    let text = aftercare_platform::metrics::render();
    for series in [
        "aftercare_notifier_messages_sent_total{role=\"notifier\",channel=\"sms\"}",
        "aftercare_notifier_send_failures_total{role=\"notifier\",channel=\"sms\"}",
        "aftercare_notifier_messages_dead_lettered_total{role=\"notifier\",channel=\"wechat\"}",
        "aftercare_notifier_send_duration_seconds_bucket{role=\"notifier\",channel=\"sms\",outcome=\"sent\"",
        "aftercare_notifier_pending_messages{role=\"notifier\",channel=\"sms\"}",
        "aftercare_notifier_oldest_pending_age_seconds{role=\"notifier\",channel=\"wechat\"}",
    ] {
        assert!(text.contains(series), "{series} not in\n{text}");
    }
    h.stop().await;
}

#[tokio::test]
async fn sms_is_delivered_once_through_outages_refusals_and_lost_answers_sqlite() {
    sms_is_delivered_once_through_outages_refusals_and_lost_answers(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn sms_is_delivered_once_through_outages_refusals_and_lost_answers_postgres() {
    sms_is_delivered_once_through_outages_refusals_and_lost_answers(TestBackend::Postgres).await;
}

async fn a_provider_asking_to_wait_is_not_tried_again_before(backend: TestBackend) {
    let stub = ProviderStub::start(KEY).await.unwrap();
    let h = Harness::start(backend, config(&stub, RateLimits::default())).await;
    let wait_of = |m: &StoredMessage, at: i64| m.next_attempt_at - at;

    // Too many requests, come back in 3 s: the back-off (300 ms) does not apply, the
    // retry waits the 3 s and then delivers.
    stub.fail_with(Some(429));
    stub.retry_after(Some("3"));
    let busy = text(NotificationChannel::Sms, "13800138005", "您的工单已受理。");
    publish(&h, "busy", &busy).await;
    let key = busy.id.to_string();
    let failed = until_status(&h, "the SMS told to wait", &key, MessageStatus::Failed).await;
    let first = attempts(h.db.db(), &key).await.unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(
        (first[0].outcome, first[0].provider_status),
        (DeliveryOutcome::Failed, Some(429))
    );
    let waited = wait_of(&failed, first[0].at);
    assert!((3_000..4_000).contains(&waited), "waits {waited} ms");
    stub.fail_with(None);
    stub.retry_after(None);
    let sent = until_status(&h, "the SMS sent after the wait", &key, MessageStatus::Sent).await;
    assert_eq!(sent.attempts, 2, "{sent:?}");
    let log = attempts(h.db.db(), &key).await.unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[1].outcome, DeliveryOutcome::Sent);
    assert!(log[1].at - log[0].at >= 3_000, "{log:?}");
    let tries: Vec<_> = stub
        .requests()
        .into_iter()
        .filter(|r| r.idempotency_key() == Some(key.as_str()))
        .map(|r| r.status)
        .collect();
    assert_eq!(tries, [429, 200]);

    // Unavailable until an HTTP-date: waited for until then.
    stub.fail_with(Some(503));
    let until = chrono::Utc::now() + chrono::Duration::seconds(4);
    stub.retry_after(Some(&until.format("%a, %d %b %Y %H:%M:%S GMT").to_string()));
    let down = text(NotificationChannel::Sms, "13800138006", "技术员已出发。");
    publish(&h, "down", &down).await;
    let key = down.id.to_string();
    let failed = until_status(
        &h,
        "the SMS told to wait a date",
        &key,
        MessageStatus::Failed,
    )
    .await;
    let first = attempts(h.db.db(), &key).await.unwrap();
    let waited = wait_of(&failed, first[0].at);
    assert!((2_000..5_000).contains(&waited), "waits {waited} ms");
    assert!(failed.next_attempt_at >= until.timestamp_millis() - 1_000);

    // Asked to wait a day: no longer than the longest wait between attempts (one hour).
    stub.fail_with(Some(429));
    stub.retry_after(Some("86400"));
    let long = text(
        NotificationChannel::Wechat,
        "wx-chen-jing",
        "感谢您的耐心。",
    );
    publish(&h, "long", &long).await;
    let key = long.id.to_string();
    let failed = until_status(
        &h,
        "the message told to wait a day",
        &key,
        MessageStatus::Failed,
    )
    .await;
    let first = attempts(h.db.db(), &key).await.unwrap();
    let waited = wait_of(&failed, first[0].at);
    let hour = 3_600_000;
    assert!((hour..hour + 1_000).contains(&waited), "waits {waited} ms");
    h.stop().await;
}

#[tokio::test]
async fn a_provider_asking_to_wait_is_not_tried_again_before_sqlite() {
    a_provider_asking_to_wait_is_not_tried_again_before(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn a_provider_asking_to_wait_is_not_tried_again_before_postgres() {
    a_provider_asking_to_wait_is_not_tried_again_before(TestBackend::Postgres).await;
}

async fn a_channel_over_its_rate_limit_holds_messages_back_and_drops_none(backend: TestBackend) {
    let stub = ProviderStub::start(KEY).await.unwrap();
    let limits = RateLimits {
        sms: 2,
        ..RateLimits::default()
    };
    let h = Harness::start(backend, config(&stub, limits)).await;
    let burst: Vec<_> = (0..4)
        .map(|n| {
            text(
                NotificationChannel::Sms,
                &format!("1380013800{n}"),
                &format!("第 {n} 条"),
            )
        })
        .collect();
    let started = now_ms();
    for (n, e) in burst.iter().enumerate() {
        publish(&h, &format!("burst-{n}"), e).await;
    }
    let all = h
        .until("two of the burst sent and two waiting", WAIT, |m| {
            m.iter().filter(|m| m.status == MessageStatus::Sent).count() == 2
                && m.iter()
                    .filter(|m| {
                        m.status == MessageStatus::Pending && m.next_attempt_at > started + 30_000
                    })
                    .count()
                    == 2
        })
        .await;
    assert_eq!(all.len(), 4);
    // Held back, not tried: no attempt counted, no error, their turn a minute after the
    // first sends.
    for m in all.iter().filter(|m| m.status == MessageStatus::Pending) {
        assert_eq!(m.attempts, 0, "{m:?}");
        assert_eq!(m.last_error, None);
        assert!(m.next_attempt_at <= now_ms() + 60_000, "{m:?}");
    }
    // Another channel is not held back by the SMS limit.
    let wechat = text(NotificationChannel::Wechat, "wx-zhang-min", "工单已完成。");
    publish(&h, "wechat", &wechat).await;
    until_status(
        &h,
        "the WeChat message sent",
        &wechat.id.to_string(),
        MessageStatus::Sent,
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let delivered = stub.delivered();
    assert_eq!(delivered.len(), 3);
    assert_eq!(
        delivered
            .iter()
            .filter(|r| r.json()["channel"] == "sms")
            .count(),
        2
    );
    let all = h.messages().await;
    assert_eq!(
        all.iter()
            .filter(|m| m.status == MessageStatus::Pending)
            .count(),
        2
    );
    let text = aftercare_platform::metrics::render();
    assert!(
        text.contains(
            "aftercare_notifier_messages_deferred_total{role=\"notifier\",channel=\"sms\"}"
        ),
        "{text}"
    );
    h.stop().await;
}

#[tokio::test]
async fn a_channel_over_its_rate_limit_holds_messages_back_sqlite() {
    a_channel_over_its_rate_limit_holds_messages_back_and_drops_none(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn a_channel_over_its_rate_limit_holds_messages_back_postgres() {
    a_channel_over_its_rate_limit_holds_messages_back_and_drops_none(TestBackend::Postgres).await;
}
