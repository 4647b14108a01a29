//! The notifier in this process, on a temporary database and a real nats-server: the
//! notification events are published on the NOTIFY stream as intake and survey publish
//! them, and the messages the notifier records (and, with a channel, sends) are read back.
#![allow(clippy::unwrap_used, missing_docs)]

mod support;

use aftercare_contracts::intake::{CustomerNotification, NotificationChannel, TicketCodeRequested};
use aftercare_contracts::{Envelope, Event};
use aftercare_notifier::{Config, MessageStatus};
use aftercare_testkit::TestBackend;

use support::Harness;

async fn with_no_channel_every_message_is_kept_once_as_what_would_have_been_sent(
    backend: TestBackend,
) {
    let h = Harness::start(backend, Config::default()).await;
    let booked = Envelope::new(CustomerNotification::example(), None);
    let code = Envelope::new(TicketCodeRequested::example(), None);
    // Each delivered twice under two message ids (a producer's retry past the dedupe
    // window): one message all the same.
    for (n, payload) in [
        serde_json::to_vec(&booked).unwrap(),
        serde_json::to_vec(&code).unwrap(),
    ]
    .into_iter()
    .enumerate()
    {
        let subject = if n == 0 {
            CustomerNotification::TYPE
        } else {
            TicketCodeRequested::TYPE
        };
        h.publish(subject, &format!("{n}-a"), payload.clone()).await;
        h.publish(subject, &format!("{n}-b"), payload).await;
    }
    let all = h.settled(2).await;
    assert_eq!(all.len(), 2, "{all:?}");
    let kept = all
        .iter()
        .find(|m| m.key() == booked.id.to_string())
        .unwrap();
    assert_eq!(kept.status, MessageStatus::Unsent);
    assert_eq!(kept.attempts, 0);
    assert_eq!(kept.outgoing.body, booked.data.message);
    assert_eq!(kept.outgoing.to, booked.data.to);
    assert_eq!(kept.outgoing.kind, "technician_booked");
    assert_eq!(kept.event_type, CustomerNotification::TYPE);
    let otp = all.iter().find(|m| m.key() == code.id.to_string()).unwrap();
    assert_eq!(otp.status, MessageStatus::Unsent);
    assert_eq!(otp.outgoing.channel, NotificationChannel::Sms);
    assert_eq!(otp.outgoing.to, code.data.phone);
    assert_eq!(otp.outgoing.kind, "one_time_code");
    // The code that was never sent is not kept.
    assert!(
        !otp.outgoing.body.contains(&code.data.code),
        "{}",
        otp.outgoing.body
    );
    assert_eq!(otp.outgoing.secret, None);
    assert_eq!(
        h.db.count("select count(*) from notification where secret is not null")
            .await
            .unwrap(),
        0
    );
    h.stop().await;
}

#[tokio::test]
async fn with_no_channel_every_message_is_kept_once_sqlite() {
    with_no_channel_every_message_is_kept_once_as_what_would_have_been_sent(TestBackend::Sqlite)
        .await;
}

#[tokio::test]
async fn with_no_channel_every_message_is_kept_once_postgres() {
    with_no_channel_every_message_is_kept_once_as_what_would_have_been_sent(TestBackend::Postgres)
        .await;
}

#[tokio::test]
async fn a_message_that_does_not_match_its_schema_is_dead_lettered_and_the_rest_go_on() {
    let h = Harness::start(TestBackend::Sqlite, Config::default()).await;
    h.publish(
        CustomerNotification::TYPE,
        "bad",
        br#"{"id":"0190b6f2-0000-7000-8000-000000000001","type":"notify.customer.notification","version":1,"occurred_at":"2026-01-01T00:00:00Z","source":"intake","subject_id":"x","data":{"nonsense":true}}"#.to_vec(),
    )
    .await;
    let good = Envelope::new(CustomerNotification::example(), None);
    h.publish(
        CustomerNotification::TYPE,
        "good",
        serde_json::to_vec(&good).unwrap(),
    )
    .await;
    let all = h.settled(1).await;
    assert_eq!(all[0].key(), good.id.to_string());
    let dead = h.dead_letters(1).await;
    assert_eq!(dead[0].consumer, "notifier");
    assert_eq!(dead[0].subject, CustomerNotification::TYPE);
    h.stop().await;
}
