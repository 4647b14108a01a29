//! Technicians' day routes: a vehicle routing problem with time windows, skills and
//! capacity (VRPTW), solved by a hybrid genetic search with a granular local search.
//!
//! Pure computation: no I/O, no service dependencies. Dispatch builds a [`Problem`] from
//! its technicians and work orders and turns the returned [`Plan`] into day routes; the
//! `aftercare plan` command runs it on Solomon benchmark files and on dispatch days
//! written as JSON ([`day`]).
//!
//! The method follows the published descriptions of hybrid genetic search for vehicle
//! routing with time windows (Vidal, Crainic, Gendreau and Prins, 2013; Vidal 2022):
//! giant-tour crossover with an optimal split, a local search on granular neighbourhoods
//! whose time-window checks run in constant time through concatenated route segments
//! with time warp, penalised infeasibility with adaptive penalties, and a population
//! managed by biased fitness (cost and contribution to diversity).
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

mod check;
pub mod day;
mod local_search;
mod problem;
mod rng;
mod search;
mod segment;
pub mod solomon;
mod split;

pub use check::{CheckError, check};
pub use problem::{
    ANYWHERE, Job, Plan, PlannedRoute, PlannedStop, Problem, ProblemError, Technician, Unserved,
};
pub use search::{Method, Params, insert_urgent, solve};
