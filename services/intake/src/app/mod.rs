//! Intake's use cases: each takes the unit of work it runs in, applies the rules of
//! [`crate::domain`], stores through [`crate::store`] and stages its events, and is called
//! by the request endpoints (`api`) and the event handlers (`consumers`) alike, so a
//! ticket opened by an agent and one opened for a planned visit follow one path.
pub(crate) mod clock;
pub(crate) mod customers;
pub(crate) mod faq;
pub(crate) mod lifecycle;
pub(crate) mod notify;
pub(crate) mod records;
pub(crate) mod replies;
pub(crate) mod sla_sweep;
pub(crate) mod tickets;
