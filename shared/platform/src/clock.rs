//! Where a role reads the time. In production the system clock; a test gives a service a
//! clock that reads a chosen instant now and runs on from there (07:00 on 1 January in
//! Shanghai, while UTC is still on 31 December), so what depends on the date can be tried
//! on any day. A service's `Config` carries it, its database handle keeps it
//! ([`crate::Db::with_clock`]) and a unit of work reads it ([`crate::UnitOfWork::now`]).
use chrono::{DateTime, Utc};

/// A clock: the system time moved by a fixed offset (zero unless a test set one).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clock {
    offset_ms: i64,
}

impl Clock {
    /// The system clock.
    pub const SYSTEM: Clock = Clock { offset_ms: 0 };

    /// A clock that reads `at` now and runs on from there at the system clock's pace.
    pub fn starting_at(at: DateTime<Utc>) -> Self {
        Self {
            offset_ms: at.timestamp_millis() - crate::now_ms(),
        }
    }

    /// The time, as UTC epoch milliseconds.
    pub fn now_ms(&self) -> i64 {
        crate::now_ms().saturating_add(self.offset_ms)
    }

    /// The time, as an instant.
    pub fn now(&self) -> DateTime<Utc> {
        crate::from_ms(self.now_ms())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_clock_started_at_an_instant_reads_it_and_runs_on() {
        let at = Utc
            .with_ymd_and_hms(2026, 12, 31, 23, 0, 0)
            .single()
            .expect("valid");
        let c = Clock::starting_at(at);
        let read = c.now();
        assert!(
            read >= at && read - at < chrono::Duration::seconds(5),
            "{read}"
        );
        let system = Clock::SYSTEM.now_ms() - crate::now_ms();
        assert!(system.abs() < 5_000);
        assert_eq!(Clock::default(), Clock::SYSTEM);
    }
}
