//! E-mail through a real SMTP server on loopback (the test kit's sink): a message is
//! delivered once, an outage is retried until the server is back, a redelivered event is
//! not sent again, and a message is given up after its attempts or at once when refused.
#![allow(clippy::unwrap_used, missing_docs)]

mod support;

use std::sync::Arc;
use std::time::Duration;

use aftercare_contracts::intake::{CustomerNotification, Language, NotificationChannel};
use aftercare_contracts::{Envelope, Event};
use aftercare_notifier::{Channels, Config, DeliveryPolicy, MessageStatus, Smtp};
use aftercare_testkit::{SmtpSink, TestBackend};

use support::Harness;

fn mail(to: &str, text: &str) -> Envelope<CustomerNotification> {
    Envelope::new(
        CustomerNotification {
            channel: NotificationChannel::Email,
            to: to.to_owned(),
            language: Language::En,
            message: text.to_owned(),
            ..CustomerNotification::example()
        },
        None,
    )
}

const WAIT: Duration = Duration::from_secs(20);

#[tokio::test]
async fn mail_is_delivered_once_survives_an_outage_and_is_given_up_after_its_attempts() {
    let mut sink = SmtpSink::start().await.unwrap();
    let config = Config {
        channels: Channels {
            email: Some(Arc::new(
                Smtp::new(&sink.url(), "Aftercare <service@example.com>").unwrap(),
            )),
            ..Channels::default()
        },
        delivery: DeliveryPolicy {
            max_attempts: 3,
            retry_base: Duration::from_millis(300),
            poll: Duration::from_millis(50),
            send_timeout: Duration::from_secs(5),
            ..DeliveryPolicy::default()
        },
    };
    let h = Harness::start(TestBackend::Sqlite, config).await;

    // Delivered.
    let first = mail("li.wei@example.com", "Your technician Wang comes at 10:00.");
    let payload = serde_json::to_vec(&first).unwrap();
    h.publish(CustomerNotification::TYPE, "first", payload.clone())
        .await;
    let all = h
        .until("the first mail sent", WAIT, |m| {
            m.iter().any(|m| m.status == MessageStatus::Sent)
        })
        .await;
    assert_eq!(all[0].attempts, 1);
    assert!(all[0].sent_at.is_some());
    let got = sink.received();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].to, vec!["li.wei@example.com".to_owned()]);
    assert_eq!(got[0].from, "service@example.com");
    assert!(got[0].data.contains("Your technician Wang comes at 10:00."));
    assert_eq!(
        got[0].header("Message-ID"),
        Some(format!("<{}@aftercare>", first.id))
    );
    assert_eq!(
        got[0].header("Subject"),
        Some("Your service request T2026-000001".to_owned())
    );

    // The same event again (a producer's retry, a redelivery): neither recorded nor sent twice.
    h.publish(CustomerNotification::TYPE, "first-again", payload)
        .await;
    h.settled(1).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(h.messages().await.len(), 1);
    assert_eq!(sink.received().len(), 1);

    // The server goes down: the attempt fails and is retried; once it is back, the mail
    // goes out, once.
    sink.stop();
    let second = mail(
        "zhang.min@example.com",
        "Your receipt R2026-000007 is ready.",
    );
    h.publish(
        CustomerNotification::TYPE,
        "second",
        serde_json::to_vec(&second).unwrap(),
    )
    .await;
    let key = second.id.to_string();
    let failed = h
        .until("the second mail failing", WAIT, |m| {
            m.iter()
                .any(|m| m.key() == key && m.status == MessageStatus::Failed)
        })
        .await;
    let f = failed.iter().find(|m| m.key() == key).unwrap();
    assert_eq!(f.attempts, 1);
    assert!(f.last_error.is_some());
    sink.resume().await.unwrap();
    let sent = h
        .until("the second mail sent after the outage", WAIT, |m| {
            m.iter()
                .any(|m| m.key() == key && m.status == MessageStatus::Sent)
        })
        .await;
    let s = sent.iter().find(|m| m.key() == key).unwrap();
    assert_eq!(s.attempts, 2);
    let got = sink.received();
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].to, vec!["zhang.min@example.com".to_owned()]);

    // Refused for good: given up at once, not retried.
    sink.refuse("nobody@example.com");
    let refused = mail("nobody@example.com", "Hello.");
    h.publish(
        CustomerNotification::TYPE,
        "refused",
        serde_json::to_vec(&refused).unwrap(),
    )
    .await;
    let key = refused.id.to_string();
    let dead = h
        .until("the refused mail given up", WAIT, |m| {
            m.iter()
                .any(|m| m.key() == key && m.status == MessageStatus::DeadLettered)
        })
        .await;
    let d = dead.iter().find(|m| m.key() == key).unwrap();
    assert_eq!(d.attempts, 1);
    assert!(d.last_error.as_deref().unwrap().contains("550"), "{d:?}");

    // Down for longer than the retries last: given up after three attempts.
    sink.stop();
    let lost = mail("wu.fang@example.com", "Your callback is due tomorrow.");
    h.publish(
        CustomerNotification::TYPE,
        "lost",
        serde_json::to_vec(&lost).unwrap(),
    )
    .await;
    let key = lost.id.to_string();
    let dead = h
        .until("the mail given up after its attempts", WAIT, |m| {
            m.iter()
                .any(|m| m.key() == key && m.status == MessageStatus::DeadLettered)
        })
        .await;
    let d = dead.iter().find(|m| m.key() == key).unwrap();
    assert_eq!(d.attempts, 3);
    assert!(d.last_error.is_some());
    assert_eq!(sink.received().len(), 2);
    h.stop().await;
}
