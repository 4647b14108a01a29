//! The three-node JetStream cluster keeps accepting writes to a three-replica stream with
//! its leader down, and the stopped node comes back on its kept store.
#![allow(clippy::unwrap_used, missing_docs)]
use std::time::Duration;

use aftercare_testkit::NatsCluster;
use async_nats::jetstream::{self, stream};

#[tokio::test]
async fn a_three_replica_stream_accepts_writes_with_its_leader_down_and_the_node_rejoins() {
    let mut cluster = NatsCluster::start().await.unwrap();
    let varz: serde_json::Value = reqwest::get(format!("{}/varz", cluster.monitor_url(1)))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(varz["jetstream"]["config"]["sync_always"], true, "{varz}");
    assert_eq!(varz["cluster"]["name"], "aftercare");

    let js = jetstream::new(async_nats::connect(cluster.url(0)).await.unwrap());
    js.create_stream(stream::Config {
        name: "PROBE".into(),
        subjects: vec!["probe.>".into()],
        num_replicas: 3,
        storage: stream::StorageType::File,
        ..Default::default()
    })
    .await
    .unwrap();
    // The stream's replicas elect their leader after the create call returns.
    aftercare_testkit::wait_until(
        Duration::from_secs(30),
        "the stream's first leader",
        || async { cluster.stream_leader("PROBE").await.is_ok() },
    )
    .await
    .unwrap();
    for i in 0..10 {
        publish(&js, i).await;
    }
    let leader = cluster.stream_leader("PROBE").await.unwrap();
    cluster
        .stop_node(leader, Duration::from_millis(500))
        .await
        .unwrap();
    assert!(!cluster.is_running(leader));

    // A client of another node keeps publishing: two nodes are a quorum.
    let other = (leader + 1) % 3;
    let js = jetstream::new(async_nats::connect(cluster.url(other)).await.unwrap());
    aftercare_testkit::wait_until(Duration::from_secs(30), "a new leader", || async {
        cluster
            .stream_leader("PROBE")
            .await
            .is_ok_and(|l| l != leader)
    })
    .await
    .unwrap();
    for i in 10..20 {
        publish(&js, i).await;
    }
    cluster
        .start_node(leader, Duration::from_secs(60))
        .await
        .unwrap();
    assert!(cluster.store_dir(leader).exists());
    let mut s = js.get_stream("PROBE").await.unwrap();
    let info = s.info().await.unwrap().clone();
    assert_eq!(info.state.messages, 20);
    let replicas = info.cluster.clone().unwrap().replicas;
    assert_eq!(replicas.len(), 2, "{replicas:?}");
}

/// Publishes message `i` until the stream acknowledges it. A stream whose leader has just
/// changed can answer "no responders" for a moment; the message id makes a retried publish
/// that was in fact stored count once.
async fn publish(js: &jetstream::Context, i: u32) {
    let mut headers = async_nats::HeaderMap::new();
    headers.insert("Nats-Msg-Id", format!("probe-{i}").as_str());
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let sent = js
            .publish_with_headers("probe.a", headers.clone(), format!("{i}").into())
            .await;
        let acked = match sent {
            Ok(ack) => ack.await.map(|_| ()).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match acked {
            Ok(()) => return,
            Err(e) if tokio::time::Instant::now() < deadline => {
                eprintln!("publish {i} retried: {e}");
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => panic!("publish {i}: {e}"),
        }
    }
}
