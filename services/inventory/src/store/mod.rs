//! Inventory's queries, portable across SQLite and PostgreSQL, one file per aggregate.
pub(crate) mod consumables;
pub(crate) mod forecasts;
pub(crate) mod locations;
pub(crate) mod parts;
pub(crate) mod purchasing;
pub(crate) mod reservations;
pub(crate) mod stock;
pub(crate) mod stocktakes;
pub(crate) mod usage;
