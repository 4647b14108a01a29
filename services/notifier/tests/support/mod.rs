//! The notifier on a temporary database and its own nats-server, with the NOTIFY and
//! dead-letter streams created as intake creates them.
#![allow(clippy::unwrap_used, dead_code)]

use std::time::Duration;

use aftercare_contracts::subjects::{DEAD_LETTER_STREAM, NOTIFY_STREAM};
use aftercare_notifier::{Config, StoredMessage};
use aftercare_platform::bus::StreamSettings;
use aftercare_platform::dead_letter::DeadLetter;
use aftercare_platform::{Bus, MessagingSettings};
use aftercare_testkit::{NatsServer, SERVICE_WAIT, TestBackend, TestDb, poll_for};
use tokio_util::sync::CancellationToken;

pub(crate) struct Harness {
    pub(crate) nats: NatsServer,
    pub(crate) bus: Bus,
    pub(crate) db: TestDb,
    token: CancellationToken,
    task: tokio::task::JoinHandle<aftercare_platform::Result<()>>,
}

impl Harness {
    pub(crate) async fn start(backend: TestBackend, config: Config) -> Self {
        let nats = NatsServer::start().await.unwrap();
        let bus = Bus::connect(&nats.url(), "notifier-test").await.unwrap();
        bus.ensure_streams(
            StreamSettings::default(),
            &[NOTIFY_STREAM.to_owned(), DEAD_LETTER_STREAM.to_owned()],
        )
        .await
        .unwrap();
        let db = TestDb::new(backend, "notifier").await.unwrap();
        let settings = MessagingSettings {
            max_deliver: 3,
            ack_wait: Duration::from_secs(2),
            ..MessagingSettings::default()
        };
        let notifier = aftercare_notifier::build(bus.clone(), db.url(), settings, config)
            .await
            .unwrap();
        let token = CancellationToken::new();
        let task = tokio::spawn(notifier.run_until_stopped(token.clone()));
        Self {
            nats,
            bus,
            db,
            token,
            task,
        }
    }

    /// Publishes `payload` on `subject` as its producer does (with a message id).
    pub(crate) async fn publish(&self, subject: &str, msg_id: &str, payload: Vec<u8>) {
        let publish = async_nats::jetstream::message::PublishMessage::build()
            .payload(payload.into())
            .message_id(msg_id);
        self.bus
            .js
            .send_publish(subject.to_owned(), publish)
            .await
            .unwrap()
            .await
            .unwrap();
    }

    /// Every recorded message, newest first.
    pub(crate) async fn messages(&self) -> Vec<StoredMessage> {
        aftercare_notifier::recent(self.db.db(), 1000)
            .await
            .unwrap()
    }

    /// The recorded messages once there are `n` and every event published is consumed.
    pub(crate) async fn settled(&self, n: usize) -> Vec<StoredMessage> {
        poll_for(SERVICE_WAIT, "the messages recorded", || async {
            let stream = self.bus.js.get_stream(NOTIFY_STREAM).await.ok()?;
            let info = stream.consumer_info("notifier").await.ok()?;
            let all = self.messages().await;
            (info.num_pending == 0 && info.num_ack_pending == 0 && all.len() >= n).then_some(all)
        })
        .await
        .unwrap()
    }

    /// The recorded messages once `check` holds for them.
    pub(crate) async fn until(
        &self,
        what: &str,
        timeout: Duration,
        check: impl Fn(&[StoredMessage]) -> bool,
    ) -> Vec<StoredMessage> {
        poll_for(timeout, what, || async {
            let all = self.messages().await;
            check(&all).then_some(all)
        })
        .await
        .unwrap()
    }

    /// The dead letters once there are `n`.
    pub(crate) async fn dead_letters(&self, n: usize) -> Vec<DeadLetter> {
        poll_for(SERVICE_WAIT, "the dead letters", || async {
            let all = aftercare_platform::dead_letter::list(&self.bus, 100)
                .await
                .ok()?;
            (all.len() >= n).then_some(all)
        })
        .await
        .unwrap()
    }

    pub(crate) async fn stop(self) {
        self.token.cancel();
        self.task.await.unwrap().unwrap();
    }
}
