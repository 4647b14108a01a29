//! The only types Aftercare's services share: the event envelope, every integration
//! event, every gateway → service request and reply, and the subject and stream catalogue.
//!
//! Services never depend on each other; they depend on this crate. Wire names are
//! explicit constants (never derived from Rust type names) so a rename cannot break a
//! consumer, and every event type carries a version so its shape can evolve.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

pub mod access;
pub mod attachments;
pub mod billing;
pub mod dispatch;
pub mod envelope;
pub mod intake;
pub mod inventory;
pub mod limits;
pub mod live;
pub mod money;
pub mod notifier;
pub mod permissions;
pub mod requests;
pub mod rpc;
pub mod schema;
pub mod subjects;
pub mod survey;
pub mod table;

pub use access::Role;
pub use envelope::{Actor, Envelope, Event, EventMeta};
pub use money::Money;
pub use requests::Request;
pub use rpc::{FieldError, ServiceError};
pub use subjects::Service;
