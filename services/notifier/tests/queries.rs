//! The notifier's answers to the gateway over NATS request/reply, on SQLite and
//! PostgreSQL: the messages kept, newest first a page at a time and filtered by status,
//! channel, ticket, customer and time; one message with its attempts, last error and next
//! attempt; the channels configured. A one-time code waiting to be retried and an answer
//! link's token never leave the notifier unmasked.
#![allow(clippy::unwrap_used, missing_docs)]

mod support;

use std::sync::Arc;
use std::time::Duration;

use aftercare_contracts::intake::{
    CustomerNotification, NotificationChannel, NotificationKind, TicketCodeRequested,
};
use aftercare_contracts::notifier::{
    DeliveryOutcome, GetNotificationChannels, GetSentMessage, ListSentMessages, MessageKind,
    MessageStatus, SentMessage,
};
use aftercare_contracts::rpc::Page;
use aftercare_contracts::{Envelope, Event, Request};
use aftercare_notifier::{Channels, Config, DeliveryPolicy, Smtp};
use aftercare_platform::rpc::{CallError, call};
use aftercare_platform::{from_ms, now_ms};
use aftercare_testkit::{SERVICE_WAIT, TestBackend, poll_for};
use uuid::Uuid;

use support::Harness;

const TIMEOUT: Duration = Duration::from_secs(5);

async fn ask<R: Request>(h: &Harness, req: &R) -> Result<R::Reply, CallError> {
    call(&h.bus, req, None, TIMEOUT).await
}

/// The status of a refusal.
async fn refused<R: Request>(h: &Harness, req: &R) -> (u16, String) {
    match ask(h, req).await {
        Err(CallError::Service(e)) => (
            e.status,
            e.errors
                .first()
                .map(|f| f.field.clone())
                .unwrap_or_default(),
        ),
        Err(e) => panic!("{e}"),
        Ok(_) => panic!("answered"),
    }
}

async fn list(h: &Harness, req: ListSentMessages) -> Page<SentMessage> {
    ask(h, &req).await.unwrap()
}

fn all(limit: u32) -> ListSentMessages {
    ListSentMessages {
        limit,
        ..ListSentMessages::default()
    }
}

async fn messages_are_listed_filtered_and_read_with_secrets_masked(backend: TestBackend) {
    // SMS goes out through an e-mail-to-SMS gateway whose SMTP server is down: a code
    // stays waiting, with its secret, to be retried in an hour. E-mail and WeChat are not
    // configured: kept unsent.
    let down = aftercare_platform::nats_server::free_port().unwrap();
    let config = Config {
        channels: Channels {
            sms: Some(Arc::new(
                Smtp::new(&format!("smtp://127.0.0.1:{down}"), "service@example.com").unwrap(),
            )),
            ..Channels::default()
        },
        delivery: DeliveryPolicy {
            retry_base: Duration::from_secs(3600),
            poll: Duration::from_millis(50),
            send_timeout: Duration::from_secs(3),
            ..DeliveryPolicy::default()
        },
    };
    let h = Harness::start(backend, config).await;
    let customer = Uuid::now_v7();
    let (ticket_a, ticket_b) = (Uuid::now_v7(), Uuid::now_v7());
    let mail = Envelope::new(
        CustomerNotification {
            ticket_id: ticket_a,
            number: "T2026-000101".into(),
            customer_id: Some(customer),
            channel: NotificationChannel::Email,
            to: "li.wei@example.com".into(),
            ..CustomerNotification::example()
        },
        None,
    );
    let link = Envelope::new(
        CustomerNotification {
            ticket_id: ticket_b,
            number: "T2026-000102".into(),
            kind: NotificationKind::AnswerLink,
            channel: NotificationChannel::Wechat,
            to: "wx-liwei".into(),
            message: "请对服务单 T2026-000102 的服务进行评价：https://aftercare.example.com/answer.html#Tok3n_Secret-0123456789（仅可使用一次）".into(),
            ..CustomerNotification::example()
        },
        None,
    );
    let code = Envelope::new(
        TicketCodeRequested {
            ticket_id: ticket_a,
            number: "T2026-000101".into(),
            phone: "13800138000@sms.example.com".into(),
            ..TicketCodeRequested::example()
        },
        None,
    );
    h.publish(
        CustomerNotification::TYPE,
        "mail",
        serde_json::to_vec(&mail).unwrap(),
    )
    .await;
    h.publish(
        CustomerNotification::TYPE,
        "link",
        serde_json::to_vec(&link).unwrap(),
    )
    .await;
    h.publish(
        TicketCodeRequested::TYPE,
        "code",
        serde_json::to_vec(&code).unwrap(),
    )
    .await;
    h.until("the code tried once", Duration::from_secs(20), |m| {
        m.len() == 3 && m.iter().any(|m| m.attempts == 1)
    })
    .await;

    // Newest first, a page at a time.
    let page = poll_for(SERVICE_WAIT, "the notifier answering", || async {
        ask(&h, &all(2)).await.ok()
    })
    .await
    .unwrap();
    let ids: Vec<Uuid> = page.items.iter().map(|m| m.id).collect();
    assert_eq!(ids, vec![code.id, link.id]);
    let rest = list(
        &h,
        ListSentMessages {
            cursor: page.next_cursor.clone(),
            ..all(2)
        },
    )
    .await;
    assert_eq!(
        rest.items.iter().map(|m| m.id).collect::<Vec<_>>(),
        vec![mail.id]
    );
    assert_eq!(rest.next_cursor, None);

    // The code waits for its retry: its attempt and error are shown, never the code.
    let otp = &page.items[0];
    assert_eq!(
        (otp.kind, otp.channel, otp.status),
        (
            MessageKind::OneTimeCode,
            NotificationChannel::Sms,
            MessageStatus::Failed
        )
    );
    assert_eq!(otp.attempts, 1);
    assert!(otp.last_error.is_some(), "{otp:?}");
    let next = otp.next_attempt_at.unwrap();
    assert!(
        next.timestamp_millis() > otp.created_at.timestamp_millis() + 30 * 60_000,
        "{otp:?}"
    );
    assert!(!otp.body.contains(&code.data.code), "{}", otp.body);
    assert!(otp.body.contains("••••••"), "{}", otp.body);
    assert_eq!(
        h.db.count("select count(*) from notification where secret is not null")
            .await
            .unwrap(),
        1,
        "the code is still kept for its retry"
    );
    // The answer link's token stays with the customer.
    let answer = &page.items[1];
    assert_eq!(
        (answer.kind, answer.status, answer.next_attempt_at),
        (MessageKind::AnswerLink, MessageStatus::Unsent, None)
    );
    assert!(!answer.body.contains("Tok3n_Secret"), "{}", answer.body);
    assert!(answer.body.contains("/answer.html#•••"), "{}", answer.body);
    assert!(answer.body.ends_with("（仅可使用一次）"), "{}", answer.body);
    let kept = &rest.items[0];
    assert_eq!(kept.body, mail.data.message);
    assert_eq!(kept.to, "li.wei@example.com");
    assert_eq!(kept.customer_id, Some(customer));
    assert_eq!(kept.ticket_number, "T2026-000101");
    assert_eq!(kept.subject, "您的报修 T2026-000101");

    // Filters.
    let of = |f: ListSentMessages| {
        let h = &h;
        async move {
            list(h, f)
                .await
                .items
                .into_iter()
                .map(|m| m.id)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        of(ListSentMessages {
            status: Some(MessageStatus::Unsent),
            ..all(50)
        })
        .await,
        vec![link.id, mail.id]
    );
    assert!(
        of(ListSentMessages {
            status: Some(MessageStatus::Sent),
            ..all(50)
        })
        .await
        .is_empty()
    );
    assert_eq!(
        of(ListSentMessages {
            channel: Some(NotificationChannel::Email),
            ..all(50)
        })
        .await,
        vec![mail.id]
    );
    assert_eq!(
        of(ListSentMessages {
            ticket_id: Some(ticket_a),
            ..all(50)
        })
        .await,
        vec![code.id, mail.id]
    );
    assert_eq!(
        of(ListSentMessages {
            customer_id: Some(customer),
            ..all(50)
        })
        .await,
        vec![mail.id]
    );
    let created = kept.created_at;
    assert_eq!(
        of(ListSentMessages {
            from: Some(created),
            to: Some(from_ms(created.timestamp_millis() + 1)),
            ticket_id: Some(ticket_a),
            channel: Some(NotificationChannel::Email),
            ..all(50)
        })
        .await,
        vec![mail.id]
    );
    assert!(
        of(ListSentMessages {
            from: Some(from_ms(now_ms() + 3_600_000)),
            ..all(50)
        })
        .await
        .is_empty()
    );
    assert!(
        of(ListSentMessages {
            to: Some(created),
            ..all(50)
        })
        .await
        .iter()
        .all(|id| *id != mail.id)
    );

    // One message; bad pages and unknown ids refused.
    let one: SentMessage = ask(
        &h,
        &GetSentMessage {
            id: code.id.to_string(),
        },
    )
    .await
    .unwrap();
    // One message carries each attempt; the list leaves them out.
    assert!(otp.attempt_history.is_empty(), "{otp:?}");
    assert_eq!(one.attempt_history.len(), 1, "{one:?}");
    let tried = &one.attempt_history[0];
    assert_eq!((tried.attempt, tried.outcome), (1, DeliveryOutcome::Failed));
    // The SMTP server was never reached: no answer code, the reason as the error.
    assert_eq!(tried.provider_status, None);
    assert_eq!(tried.error, otp.last_error);
    assert!(tried.at >= otp.created_at && tried.at < next, "{tried:?}");
    assert_eq!(
        SentMessage {
            attempt_history: Vec::new(),
            ..one.clone()
        },
        *otp
    );
    for id in [Uuid::now_v7().to_string(), "T2026-000101".to_owned()] {
        assert_eq!(refused(&h, &GetSentMessage { id }).await.0, 404);
    }
    assert_eq!(refused(&h, &all(0)).await, (422, "limit".to_owned()));
    assert_eq!(refused(&h, &all(501)).await, (422, "limit".to_owned()));
    assert_eq!(
        refused(
            &h,
            &ListSentMessages {
                cursor: Some("not-a-cursor".into()),
                ..all(5)
            }
        )
        .await,
        (422, "cursor".to_owned())
    );

    // The channels configured: SMS only.
    let channels = ask(&h, &GetNotificationChannels {}).await.unwrap();
    assert_eq!(channels.configured, vec![NotificationChannel::Sms]);
    h.stop().await;
}

#[tokio::test]
async fn messages_are_listed_filtered_and_read_with_secrets_masked_sqlite() {
    messages_are_listed_filtered_and_read_with_secrets_masked(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn messages_are_listed_filtered_and_read_with_secrets_masked_postgres() {
    messages_are_listed_filtered_and_read_with_secrets_masked(TestBackend::Postgres).await;
}

#[tokio::test]
async fn with_no_channel_none_is_configured() {
    let h = Harness::start(TestBackend::Sqlite, Config::default()).await;
    let channels = poll_for(SERVICE_WAIT, "the notifier answering", || async {
        ask(&h, &GetNotificationChannels {}).await.ok()
    })
    .await
    .unwrap();
    assert!(channels.configured.is_empty());
    assert!(list(&h, all(10)).await.items.is_empty());
    h.stop().await;
}
