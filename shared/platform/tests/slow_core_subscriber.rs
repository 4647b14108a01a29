//! R11: a core-NATS subscriber that does not keep up drops messages on its own
//! subscription only. The drop is counted in `/metrics`
//! (`aftercare_nats_slow_consumer_total`), and the JetStream path on the same connection
//! (publish with ack, a durable consumer's pull) goes on unaffected.
#![allow(clippy::unwrap_used, missing_docs)]

use std::time::Duration;

use aftercare_contracts::Service;
use aftercare_platform::Bus;
use aftercare_platform::bus::StreamSettings;
use aftercare_platform::metrics::{self, NATS_SLOW_CONSUMERS};
use aftercare_testkit::NatsServer;
use async_nats::jetstream::consumer::pull;
use futures::StreamExt;

/// More than a subscription holds (async-nats keeps 65,536 messages per subscription).
const FLOOD: usize = 80_000;
const EVENTS: usize = 200;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_slow_core_subscriber_is_counted_and_jetstream_goes_on() {
    metrics::init();
    let nats = NatsServer::start().await.unwrap();
    let bus = Bus::connect(&nats.url(), "slow-subscriber").await.unwrap();
    bus.ensure_streams(StreamSettings::default(), &[Service::Intake.stream()])
        .await
        .unwrap();
    // Subscribed and never read: the subscriber that does not keep up.
    let _stalled = bus.client.subscribe("aftercare.test.flood").await.unwrap();
    bus.client.flush().await.unwrap();

    let publisher = async_nats::connect(nats.url()).await.unwrap();
    for i in 0..FLOOD {
        publisher
            .publish("aftercare.test.flood", format!("{i}").into())
            .await
            .unwrap();
    }
    publisher.flush().await.unwrap();

    // Meanwhile, on the stalled subscriber's own connection, JetStream publishes with
    // acks and a durable consumer reads them all.
    for i in 0..EVENTS {
        bus.js
            .publish("intake.ticket.opened", format!("{{\"n\":{i}}}").into())
            .await
            .unwrap()
            .await
            .unwrap();
    }
    let stream = bus.js.get_stream(Service::Intake.stream()).await.unwrap();
    let consumer = stream
        .create_consumer(pull::Config {
            durable_name: Some("r11".into()),
            ack_policy: async_nats::jetstream::consumer::AckPolicy::Explicit,
            ..Default::default()
        })
        .await
        .unwrap();
    let mut messages = consumer
        .fetch()
        .max_messages(EVENTS)
        .expires(Duration::from_secs(10))
        .messages()
        .await
        .unwrap();
    let mut read = 0;
    while let Some(m) = messages.next().await {
        m.unwrap().ack().await.unwrap();
        read += 1;
    }

    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    let slow = loop {
        let n = metrics::parse_total(&metrics::render(), NATS_SLOW_CONSUMERS);
        if n > 0 || tokio::time::Instant::now() > deadline {
            break n;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    println!(
        "{FLOOD} core messages to a subscriber that never reads: {slow} slow-consumer events counted; {read} of {EVENTS} JetStream events published with ack and read back"
    );
    assert!(slow > 0, "the dropping subscription is counted in /metrics");
    assert_eq!(read, EVENTS, "the JetStream path is unaffected");
    assert!(
        bus.client.connection_state() == async_nats::connection::State::Connected,
        "the connection stays up"
    );
}
