//! Survey's queries, portable across SQLite and PostgreSQL, one file per thing survey
//! keeps: the [`visits`] and tickets it learns of, [`callbacks`] and their attempts, answer
//! [`links`], [`questionnaires`], [`follow_ups`], [`campaigns`], [`rankings`], [`quality`]
//! warnings, and the period reads of the [`reports`]. The company's quality thresholds are
//! a company setting (`crate::domain::settings`). The outbound [`call_tasks`] queue every
//! call the desk owes a customer.
pub(crate) mod call_tasks;
pub(crate) mod callbacks;
pub(crate) mod campaigns;
pub(crate) mod chases;
pub(crate) mod daily_reports;
pub(crate) mod follow_ups;
pub(crate) mod links;
pub(crate) mod quality;
pub(crate) mod questionnaires;
pub(crate) mod rankings;
pub(crate) mod reports;
pub(crate) mod visits;
