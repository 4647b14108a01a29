//! End-to-end tests: the real `aftercare` binary as child processes, a real nats-server
//! with JetStream, real SQLite files and a real PostgreSQL, all on loopback.
#![allow(clippy::unwrap_used, missing_docs, unreachable_pub)]

mod attachments;
mod bad_input;
mod billing;
mod calls;
mod charge_preview;
mod cluster;
mod crash;
mod customers;
mod dead_letters;
mod disk_full;
mod dispatch;
mod edge;
mod exposure;
mod flow;
mod gateway;
mod helpers;
mod history;
mod identity;
mod inventory;
mod load;
mod machine_visits;
mod messages;
mod nats_permissions;
mod nats_restart;
mod nats_tls;
mod network_faults;
mod pii;
mod quotations;
mod reports;
mod settings;
mod startup;
mod survey;
mod tickets;
mod workshop;
