//! Survey's use cases: each takes the unit of work (or, for a read, the connection) and
//! what it needs, applies the rules of [`crate::domain`] through [`crate::store`], and
//! stages the events that follow. The request endpoints ([`crate::api`]), the event
//! handlers ([`crate::consumers`]) and the periodic job ([`crate::sweep`]) only decode,
//! call one of these and map the reply, so one rule has one place however it is reached.
pub(crate) mod call_tasks;
pub(crate) mod callbacks;
pub(crate) mod campaigns;
pub(crate) mod daily_reports;
pub(crate) mod follow_ups;
pub(crate) mod links;
pub(crate) mod quality;
pub(crate) mod questionnaires;
pub(crate) mod rankings;
pub(crate) mod reports;
pub(crate) mod visits;
