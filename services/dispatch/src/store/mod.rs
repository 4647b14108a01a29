//! Dispatch's queries, portable across SQLite and PostgreSQL, one file per thing dispatch
//! keeps: [`work_orders`] and their [`history`], [`technicians`] and their leave,
//! [`day_plans`], [`maintenance`] plans, the company's duration defaults in
//! [`settings`], and what the field service report reads in [`reports`].
pub(crate) mod day_plans;
pub(crate) mod history;
pub(crate) mod maintenance;
pub(crate) mod reports;
pub(crate) mod settings;
pub(crate) mod technicians;
pub(crate) mod work_orders;
