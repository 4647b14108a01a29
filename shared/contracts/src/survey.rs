//! Survey's events and requests: callbacks (回访).
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Event, Service};

/// Callback state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CallbackStatus {
    /// Waiting for its due time.
    Scheduled,
}

/// A callback task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Callback {
    /// UUIDv7.
    pub id: Uuid,
    /// The work order it follows up.
    pub work_order_id: Uuid,
    /// Its ticket.
    pub ticket_id: Uuid,
    /// The receipt issued for the visit.
    pub invoice_id: Uuid,
    /// The technician being rated.
    pub technician_id: Uuid,
    /// State.
    pub status: CallbackStatus,
    /// When the call is due.
    pub due_at: DateTime<Utc>,
    /// When the task was created.
    pub created_at: DateTime<Utc>,
}

/// Event `survey.callback.scheduled`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallbackScheduled {
    /// Callback id.
    pub callback_id: Uuid,
    /// The work order it follows up.
    pub work_order_id: Uuid,
    /// Its ticket.
    pub ticket_id: Uuid,
    /// The technician being rated.
    pub technician_id: Uuid,
    /// When the call is due.
    pub due_at: DateTime<Utc>,
}

impl Event for CallbackScheduled {
    const TYPE: &'static str = "survey.callback.scheduled";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Survey;
    fn subject_id(&self) -> String {
        self.callback_id.to_string()
    }
}
