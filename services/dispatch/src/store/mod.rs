//! Dispatch's queries, portable across SQLite and PostgreSQL, one file per thing dispatch
//! keeps: [`work_orders`] and their [`history`], [`technicians`] and their leave,
//! [`day_plans`], [`maintenance`] plans, what the field service report reads in
//! [`reports`], and the report-back register's departures and calls in [`register`], workshop jobs in [`workshop`]. The company's duration defaults are a company setting
//! (`crate::domain::settings`).
pub(crate) mod day_plans;
pub(crate) mod history;
pub(crate) mod maintenance;
pub(crate) mod register;
pub(crate) mod reports;
pub(crate) mod technicians;
pub(crate) mod work_orders;
pub(crate) mod workshop;
