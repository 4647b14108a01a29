//! What the gateway's live stream (`GET /api/v1/stream`, server-sent events) sends: the
//! event names and each one's `data`. The stream opens with `ready`, forwards each
//! live-update event the caller may see under its own event type, says `lagged` when a
//! slow reader missed updates and `ended` when the access that opened it ended.
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Role;
use crate::permissions::LIVE_UPDATE_SUBJECTS;
use crate::subjects::EVENTS;

/// `ready`: the stream is open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LiveReady {
    /// The caller's role.
    pub role: Role,
}

/// One change (the event name is its `type`): the ids concerned, never personal data.
/// The client reads the object through the API, where the usual rules apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LiveUpdate {
    /// Event type, e.g. `dispatch.workorder.assigned` (also the SSE `event`).
    #[serde(rename = "type")]
    pub event_type: String,
    /// The ticket concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<Uuid>,
    /// The work order concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_order_id: Option<Uuid>,
    /// The callback concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_id: Option<Uuid>,
    /// The outbound call task concerned (`survey.call_task.*`: one fell due, or went to the
    /// manager); the console reminds its assignee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<Uuid>,
    /// When it happened (RFC 3339).
    pub occurred_at: String,
}

/// `lagged`: updates were dropped because the reader was slow; read again what is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LiveLagged {
    /// How many updates were dropped.
    pub missed: u64,
}

/// `ended`: the access that opened the stream ended (signed out, disabled, expired,
/// revoked); the stream closes after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LiveEnded {
    /// Why.
    pub reason: String,
}

/// The name of the stream's first event.
pub const READY: &str = "ready";
/// The name of the event telling a slow reader it missed updates.
pub const LAGGED: &str = "lagged";
/// The name of the stream's last event when access ended.
pub const ENDED: &str = "ended";

/// The catalogued events the stream forwards (each as a [`LiveUpdate`] under its own
/// name): those the [`LIVE_UPDATE_SUBJECTS`] match.
pub fn update_events() -> Vec<&'static str> {
    EVENTS
        .iter()
        .map(|e| e.subject)
        .filter(|s| LIVE_UPDATE_SUBJECTS.iter().any(|p| matches(p, s)))
        .collect()
}

/// Whether NATS subject pattern `pattern` (`*` one token, `>` the rest) matches `subject`.
fn matches(pattern: &str, subject: &str) -> bool {
    let mut p = pattern.split('.');
    let mut s = subject.split('.');
    loop {
        match (p.next(), s.next()) {
            (Some(">"), Some(_)) => return true,
            (Some("*"), Some(_)) => {}
            (Some(a), Some(b)) if a == b => {}
            (None, None) => return true,
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stream_forwards_the_catalogued_events_its_subjects_match() {
        let events = update_events();
        assert!(events.contains(&"intake.ticket.opened"));
        assert!(events.contains(&"dispatch.workorder.assigned"));
        assert!(events.contains(&"survey.callback.recorded"));
        assert!(events.contains(&"survey.call_task.due"));
        assert!(events.contains(&"survey.call_task.escalated"));
        assert!(!events.iter().any(|e| e.starts_with("notify.")));
        assert!(!events.contains(&"intake.ticket.visit_requested"));
        for pattern in LIVE_UPDATE_SUBJECTS {
            assert!(
                events.iter().any(|e| matches(pattern, e)),
                "{pattern} matches no catalogued event"
            );
        }
    }
}
