//! Dispatch's use cases: each takes the unit of work (or, for a read, the connection) and
//! what it needs, applies the rules of [`crate::domain`] through [`crate::store`], and
//! stages the events that follow. The request endpoints ([`crate::api`]), the event
//! handlers ([`crate::consumers`]) and the periodic job ([`crate::sweep`]) only decode,
//! call one of these and map the reply, so one rule has one place however it is reached:
//! a work order opened for a ticket and a return visit opened by a visit report go
//! through the same [`work_orders::create`].
pub(crate) mod assignments;
pub(crate) mod day_plans;
pub(crate) mod maintenance;
pub(crate) mod register;
pub(crate) mod reports;
pub(crate) mod settings;
pub(crate) mod technicians;
pub(crate) mod visits;
pub(crate) mod work_orders;
pub(crate) mod workshop;
