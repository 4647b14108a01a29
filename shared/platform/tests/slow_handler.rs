//! R9: a handler slower than the ack wait keeps its message. The consumer reports the
//! message as in progress while the handler works, so the server does not redeliver it to
//! another replica meanwhile; the message is delivered once and handled once.
#![allow(clippy::unwrap_used, missing_docs)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use aftercare_contracts::{EventMeta, Service};
use aftercare_platform::bus::StreamSettings;
use aftercare_platform::consumer::{self, ConsumerSpec};
use aftercare_platform::db::Migrations;
use aftercare_platform::inbound::{EventError, EventHandler, InboundEvent};
use aftercare_platform::{Bus, Db, UnitOfWork};
use aftercare_testkit::NatsServer;
use futures::future::BoxFuture;
use tokio_util::sync::CancellationToken;

const NO_MIGRATIONS: Migrations = Migrations {
    files: &[],
    checksums: "",
};

const ACK_WAIT: Duration = Duration::from_secs(1);
/// Three and a half ack waits: without progress reports the server would redeliver the
/// message three times while the handler works.
const HANDLING: Duration = Duration::from_millis(3500);

/// Takes `HANDLING` over every event, counting the calls.
struct SlowHandler {
    calls: Arc<AtomicU32>,
}

impl EventHandler for SlowHandler {
    fn handle<'a>(
        &'a self,
        _uow: &'a mut UnitOfWork,
        _event: &'a InboundEvent,
    ) -> BoxFuture<'a, Result<(), EventError>> {
        Box::pin(async move {
            self.calls.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(HANDLING).await;
            Ok(())
        })
    }

    fn events(&self) -> Vec<EventMeta> {
        Vec::new()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_handler_slower_than_the_ack_wait_keeps_its_message() {
    aftercare_platform::metrics::init();
    let nats = NatsServer::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = Db::connect(
        &format!("sqlite://{}/slow.db", dir.path().display()),
        "slow",
    )
    .await
    .unwrap();
    db.migrate(&NO_MIGRATIONS).await.unwrap();
    let bus = Bus::connect(&nats.url(), "slow-handler-test")
        .await
        .unwrap();
    bus.ensure_streams(StreamSettings::default(), &[Service::Intake.stream()])
        .await
        .unwrap();
    let spec = ConsumerSpec {
        stream: Service::Intake.stream(),
        durable: "slow".into(),
        filter_subjects: vec!["intake.ticket.opened".into()],
        max_deliver: 5,
        ack_wait: ACK_WAIT,
        batch: 8,
    };
    consumer::ensure(&bus, &spec).await.unwrap();
    let envelope = serde_json::json!({
        "id": uuid::Uuid::now_v7(),
        "type": "intake.ticket.opened",
        "version": 1,
        "payload": {},
    });
    bus.js
        .publish("intake.ticket.opened", envelope.to_string().into())
        .await
        .unwrap()
        .await
        .unwrap();

    let calls = Arc::new(AtomicU32::new(0));
    let token = CancellationToken::new();
    let run = tokio::spawn(consumer::run(
        bus.clone(),
        db.clone(),
        spec,
        Arc::new(SlowHandler {
            calls: calls.clone(),
        }),
        token.clone(),
    ));

    let stream = bus.js.get_stream(Service::Intake.stream()).await.unwrap();
    let mut durable = stream
        .get_consumer::<async_nats::jetstream::consumer::pull::Config>("slow")
        .await
        .unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let info = durable.info().await.unwrap();
        if info.ack_floor.consumer_sequence >= 1 {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the slow handler's message was never acked"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Longer than an ack wait after the ack: a redelivery would have shown by now.
    tokio::time::sleep(ACK_WAIT * 2).await;
    let info = durable.info().await.unwrap().clone();
    token.cancel();
    run.await.unwrap();

    let text = aftercare_platform::metrics::render();
    let reports =
        aftercare_platform::metrics::parse_total(&text, "aftercare_events_progress_reported_total");
    println!(
        "handled in {HANDLING:?} with an ack wait of {ACK_WAIT:?}: {} deliveries, {} handler call(s), {reports} progress reports",
        info.delivered.consumer_sequence,
        calls.load(Ordering::SeqCst)
    );
    assert_eq!(
        info.delivered.consumer_sequence, 1,
        "the message was delivered once, not redelivered while the handler worked"
    );
    assert_eq!(info.num_ack_pending, 0, "and acknowledged");
    assert_eq!(calls.load(Ordering::SeqCst), 1, "the handler ran once");
    assert!(reports >= 3, "the progress reports are counted:\n{text}");
}
