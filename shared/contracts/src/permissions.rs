//! NATS subject permissions of every role, derived from the subject catalogue, so the
//! server's authorization cannot drift from what the code publishes and consumes.
//! `aftercare nats-config` renders them as a nats-server `authorization` block.
use crate::subjects::{
    DEAD_LETTER_STREAM, EVENTS, NOTIFY_STREAM, REQUESTS, Service, streams_consumed_by,
};

/// The NATS user of the notification sender (SMS, e-mail, WeChat integration): with
/// intake (which turns answer links into messages), the only reader of the NOTIFY stream,
/// through its durable consumer of the same name.
pub const NOTIFIER: &str = "notifier";

/// What one NATS user may publish and subscribe to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permissions {
    /// NATS user name (= role).
    pub user: String,
    /// Subjects it may publish to.
    pub publish: Vec<String>,
    /// Subjects it may subscribe to.
    pub subscribe: Vec<String>,
}

/// The inbox prefix a role's connection uses, so replies to one role cannot be read by another.
pub fn inbox_prefix(user: &str) -> String {
    format!("_INBOX_{user}")
}

fn stream_admin(stream: &str) -> Vec<String> {
    ["CREATE", "UPDATE", "INFO"]
        .iter()
        .map(|op| format!("$JS.API.STREAM.{op}.{stream}"))
        .collect()
}

/// The durable consumer `durable` on `stream`, and nothing else of that stream: read its
/// configuration (INFO), create or update the consumer, pull and acknowledge. No stream
/// update, purge, seal or delete: a reader cannot harm the stream of the service it reads.
fn own_durable(stream: &str, durable: &str) -> Vec<String> {
    vec![
        format!("$JS.API.STREAM.INFO.{stream}"),
        format!("$JS.API.CONSUMER.CREATE.{stream}.{durable}"),
        format!("$JS.API.CONSUMER.CREATE.{stream}.{durable}.>"),
        format!("$JS.API.CONSUMER.INFO.{stream}.{durable}"),
        format!("$JS.API.CONSUMER.MSG.NEXT.{stream}.{durable}"),
        format!("$JS.ACK.{stream}.{durable}.>"),
    ]
}

/// The users: `gateway`, one per service, `notifier` and `ops` (dead-letter replay).
pub fn all() -> Vec<Permissions> {
    let mut out = vec![gateway()];
    out.extend(Service::ALL.into_iter().map(service));
    out.push(notifier());
    out.push(ops());
    out
}

/// The notification sender reads the NOTIFY stream through its own durable consumer and
/// nothing else, stores the messages it cannot read as its dead letters, and answers the
/// gateway's reads of the messages it keeps (`svc.notifier.>`) and NATS micro discovery.
pub fn notifier() -> Permissions {
    let mut publish = vec!["$JS.API.INFO".to_owned()];
    publish.extend(own_durable(NOTIFY_STREAM, NOTIFIER));
    publish.push(format!("deadletter.{NOTIFIER}.>"));
    publish.push(format!("$JS.API.STREAM.INFO.{DEAD_LETTER_STREAM}"));
    Permissions {
        user: NOTIFIER.into(),
        publish,
        subscribe: vec![
            format!("{}.>", Service::Notifier.request_prefix()),
            "$SRV.*".into(),
            format!("$SRV.*.{NOTIFIER}"),
            format!("$SRV.*.{NOTIFIER}.*"),
            format!("{}.>", inbox_prefix(NOTIFIER)),
        ],
    }
}

/// Event subjects the gateway listens to (core NATS, no consumer) to push live updates
/// to browsers over server-sent events.
/// Never `notify.*`: one-time codes go to the SMS integration only.
pub const LIVE_UPDATE_SUBJECTS: [&str; 6] = [
    "intake.ticket.opened",
    "intake.ticket.sla_warning",
    "intake.ticket.sla_breached",
    "dispatch.workorder.*",
    "survey.callback.*",
    "survey.call_task.*",
];

/// The gateway calls services, reads dead letters and listens to the live-update
/// subjects; it publishes no events.
pub fn gateway() -> Permissions {
    let mut publish: Vec<String> = REQUESTS.iter().map(|r| r.subject.to_owned()).collect();
    publish.push("$JS.API.INFO".into());
    publish.push(format!("$JS.API.STREAM.INFO.{DEAD_LETTER_STREAM}"));
    publish.push(format!("$JS.API.STREAM.MSG.GET.{DEAD_LETTER_STREAM}"));
    Permissions {
        user: "gateway".into(),
        publish,
        subscribe: std::iter::once(format!("{}.>", inbox_prefix("gateway")))
            .chain(LIVE_UPDATE_SUBJECTS.iter().map(|s| (*s).to_owned()))
            .collect(),
    }
}

/// A service publishes its own events and dead letters, administers its own stream,
/// creates the shared dead-letter stream when it is missing (never updates it), reads its
/// durable consumers on the streams it consumes (never administers them: a consumer
/// started before its producer waits for the stream), and answers its requests and NATS
/// micro discovery.
pub fn service(s: Service) -> Permissions {
    let name = s.name();
    let durable = s.durable();
    let mut publish = vec![
        s.stream_subjects(),
        format!("deadletter.{durable}.>"),
        "$JS.API.INFO".into(),
    ];
    publish.extend(stream_admin(&s.stream()));
    // Secrets for customers go to the notify stream, which intake owns.
    let secrets: Vec<String> = EVENTS
        .iter()
        .filter(|e| e.producer == s && e.subject.starts_with("notify."))
        .map(|e| e.subject.to_owned())
        .collect();
    if s == Service::Intake {
        publish.extend(stream_admin(NOTIFY_STREAM));
    }
    publish.extend(secrets);
    publish.push(format!("$JS.API.STREAM.CREATE.{DEAD_LETTER_STREAM}"));
    publish.push(format!("$JS.API.STREAM.INFO.{DEAD_LETTER_STREAM}"));
    for (stream, _) in streams_consumed_by(s) {
        publish.extend(own_durable(&stream, &durable));
    }
    let subscribe = vec![
        format!("{}.>", s.request_prefix()),
        "$SRV.*".into(),
        format!("$SRV.*.{name}"),
        format!("$SRV.*.{name}.*"),
        format!("{}.>", inbox_prefix(name)),
    ];
    Permissions {
        user: name.into(),
        publish,
        subscribe,
    }
}

/// Operators' tool: inspects streams; lists, replays and removes dead letters.
pub fn ops() -> Permissions {
    let mut publish: Vec<String> = Service::ALL.iter().map(|s| s.stream_subjects()).collect();
    publish.push("$JS.API.INFO".into());
    publish.push("$JS.API.STREAM.INFO.*".into());
    publish.push(format!("$JS.API.STREAM.MSG.GET.{DEAD_LETTER_STREAM}"));
    publish.push(format!("$JS.API.STREAM.MSG.DELETE.{DEAD_LETTER_STREAM}"));
    Permissions {
        user: "ops".into(),
        publish,
        subscribe: vec![format!("{}.>", inbox_prefix("ops"))],
    }
}

/// The streams a role creates or updates at start: its own and the dead-letter stream
/// (created when missing, never updated). The streams it reads are their producers'.
pub fn streams_for(user: &str) -> Vec<String> {
    match Service::parse(user) {
        Some(Service::Intake) => vec![
            Service::Intake.stream(),
            NOTIFY_STREAM.to_owned(),
            DEAD_LETTER_STREAM.to_owned(),
        ],
        Some(s) => vec![s.stream(), DEAD_LETTER_STREAM.to_owned()],
        None => Vec::new(),
    }
}

/// The `authorization` block for nats-server; each password is read from an environment
/// variable of the server (`$INTAKE_NATS_PASSWORD`, …), filled from a Secret.
pub fn render_authorization() -> String {
    let quote = |v: &[String]| {
        v.iter()
            .map(|s| format!("\"{s}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::from(
        "# Generated by `aftercare nats-config` from shared/contracts; do not edit.\nauthorization {\n  users = [\n",
    );
    for p in all() {
        out.push_str(&format!(
            "    {{\n      user: \"{}\"\n      password: ${}_NATS_PASSWORD\n      permissions: {{\n        publish: {{ allow: [{}] }}\n        subscribe: {{ allow: [{}] }}\n        allow_responses: true\n      }}\n    }}\n",
            p.user,
            p.user.to_uppercase(),
            quote(&p.publish),
            quote(&p.subscribe)
        ));
    }
    out.push_str("  ]\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_service_publishes_only_its_own_events() {
        let p = service(Service::Dispatch);
        assert!(p.publish.contains(&"dispatch.>".to_owned()));
        assert!(
            !p.publish
                .iter()
                .any(|s| s.starts_with("intake.") || s == ">" || s.starts_with("svc."))
        );
        assert!(
            p.publish
                .contains(&"$JS.API.CONSUMER.MSG.NEXT.INTAKE.dispatch".to_owned())
        );
        assert!(!p.publish.iter().any(|s| s.contains("DELETE")));
        assert!(p.subscribe.contains(&"svc.dispatch.>".to_owned()));
    }

    #[test]
    fn only_the_notifier_reads_the_notify_stream() {
        for p in all() {
            let reads = p.publish.iter().any(|x| {
                x.starts_with(&format!("$JS.API.CONSUMER.CREATE.{NOTIFY_STREAM}"))
                    || x.starts_with(&format!("$JS.API.STREAM.MSG.GET.{NOTIFY_STREAM}"))
                    || x.starts_with(&format!("$JS.API.DIRECT.GET.{NOTIFY_STREAM}"))
            });
            // Intake owns NOTIFY and reads the answer links survey puts there.
            assert_eq!(
                reads,
                p.user == NOTIFIER || p.user == "intake",
                "{}",
                p.user
            );
            assert!(
                !p.subscribe
                    .iter()
                    .any(|x| x.starts_with("notify.") || x == ">"),
                "{}",
                p.user
            );
        }
        assert!(
            service(Service::Intake)
                .publish
                .contains(&"notify.ticket.code_requested".to_owned())
        );
        assert!(
            !service(Service::Dispatch)
                .publish
                .iter()
                .any(|x| x.starts_with("notify."))
        );
    }

    #[test]
    fn a_reader_cannot_administer_the_streams_it_reads() {
        for s in Service::ALL {
            let p = service(s);
            let own = streams_for(s.name());
            for (stream, _) in streams_consumed_by(s) {
                if own.contains(&stream) {
                    // Intake owns NOTIFY and reads survey's answer links in it.
                    continue;
                }
                for op in ["CREATE", "UPDATE", "DELETE", "PURGE"] {
                    let admin = format!("$JS.API.STREAM.{op}.{stream}");
                    assert!(!p.publish.contains(&admin), "{}: {admin}", s.name());
                }
                assert!(
                    p.publish
                        .iter()
                        .filter(|x| x.starts_with("$JS.API.CONSUMER."))
                        .all(|x| x.contains(&format!(".{}", s.durable()))),
                    "{}",
                    s.name()
                );
            }
            assert!(
                !p.publish
                    .contains(&format!("$JS.API.STREAM.UPDATE.{DEAD_LETTER_STREAM}"))
            );
            assert!(p.publish.iter().all(|x| !x.contains("PURGE")));
        }
    }

    #[test]
    fn the_notifier_answers_its_own_requests_and_the_gateway_may_send_them() {
        let n = notifier();
        assert!(n.subscribe.contains(&"svc.notifier.>".to_owned()));
        assert!(
            !n.subscribe
                .iter()
                .any(|s| s.starts_with("svc.") && s != "svc.notifier.>")
        );
        assert!(!n.publish.iter().any(|s| s.starts_with("svc.")));
        let g = gateway();
        for r in REQUESTS.iter().filter(|r| r.service == Service::Notifier) {
            assert!(g.publish.contains(&r.subject.to_owned()), "{}", r.subject);
        }
        assert!(g.publish.contains(&"svc.notifier.message.list".to_owned()));
    }

    #[test]
    fn the_gateway_publishes_requests_only() {
        let p = gateway();
        assert!(
            p.publish
                .iter()
                .all(|s| s.starts_with("svc.") || s.starts_with("$JS.API."))
        );
        assert!(
            p.publish
                .iter()
                .filter(|s| s.starts_with("$JS.API."))
                .all(|s| s.contains("INFO") || s.contains("MSG.GET"))
        );
    }

    #[test]
    fn streams_cover_what_a_service_reads() {
        assert_eq!(streams_for("billing"), vec!["BILLING", "DEADLETTER"]);
        assert_eq!(
            streams_for("intake"),
            vec!["INTAKE", "NOTIFY", "DEADLETTER"]
        );
        assert!(streams_for("gateway").is_empty());
        assert!(streams_for(NOTIFIER).is_empty());
        assert!(render_authorization().contains("password: $INTAKE_NATS_PASSWORD"));
    }
}
