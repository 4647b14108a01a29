//! Request-rate limits per client and sign-in throttling, answered with 429 and
//! `Retry-After`. State is per gateway replica (in memory); with N replicas behind a
//! load balancer a client gets at most N times the configured rate.
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::error::ApiError;

/// Failed sign-ins allowed per (login, client address) before that pair is locked, and
/// per client address ×4 before the address is locked for every login. There is no lock
/// per login alone: an attacker could lock anybody out by guessing wrong.
const FAILURES_BEFORE_LOCK: u32 = 5;
/// Window failures are counted in; also the longest lock.
const FAILURE_WINDOW: Duration = Duration::from_secs(15 * 60);
/// The first lock of a (login, client) pair; each further failure doubles it, up to
/// [`FAILURE_WINDOW`].
const FIRST_LOCK: Duration = Duration::from_secs(30);
/// Wrong codes per ticket number within the window (each code also dies after five).
const WRONG_CODES_PER_TICKET: u32 = 15;
/// Code requests per ticket number within the window.
const CODES_PER_TICKET: u32 = 3;
/// Entries kept before old ones are swept.
const SWEEP_AT: usize = 100_000;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    since: Instant,
}

/// Failed sign-ins of one (login, client) pair: counted until a quiet window passes.
#[derive(Debug, Clone, Copy)]
struct Backoff {
    count: u32,
    last: Instant,
}

/// How long a pair with `count` failures stays locked after the last one: nothing
/// below [`FAILURES_BEFORE_LOCK`], then [`FIRST_LOCK`] doubling per failure, at most
/// [`FAILURE_WINDOW`].
fn backoff(count: u32) -> Duration {
    if count < FAILURES_BEFORE_LOCK {
        return Duration::ZERO;
    }
    let doublings = (count - FAILURES_BEFORE_LOCK).min(16);
    (FIRST_LOCK * 2u32.pow(doublings)).min(FAILURE_WINDOW)
}

/// The limiter state.
pub(crate) struct Limits {
    rate_per_sec: f64,
    burst: f64,
    buckets: Mutex<HashMap<String, Bucket>>,
    failures: Mutex<HashMap<String, Failures>>,
    sign_in: Mutex<HashMap<(String, IpAddr), Backoff>>,
}

fn retry_secs(d: Duration) -> u64 {
    d.as_secs().max(1)
}

impl Limits {
    /// `rate_per_sec` requests per second per client, bursts up to `burst`; a rate of 0
    /// turns the request limit off (sign-in throttling stays).
    pub(crate) fn new(rate_per_sec: u32, burst: u32) -> Self {
        Self {
            rate_per_sec: f64::from(rate_per_sec),
            burst: f64::from(burst.max(1)),
            buckets: Mutex::new(HashMap::new()),
            failures: Mutex::new(HashMap::new()),
            sign_in: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one request from `client`'s bucket, or says how long to wait.
    pub(crate) fn request(&self, client: &str) -> Result<(), ApiError> {
        if self.rate_per_sec <= 0.0 {
            return Ok(());
        }
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() > SWEEP_AT {
            let full = Duration::from_secs_f64(self.burst / self.rate_per_sec);
            buckets.retain(|_, b| now.duration_since(b.at) < full);
        }
        let b = buckets.entry(client.to_owned()).or_insert(Bucket {
            tokens: self.burst,
            at: now,
        });
        let refill = now.duration_since(b.at).as_secs_f64() * self.rate_per_sec;
        b.tokens = (b.tokens + refill).min(self.burst);
        b.at = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            Ok(())
        } else {
            let wait = (1.0 - b.tokens) / self.rate_per_sec;
            Err(ApiError::TooManyRequests(wait.ceil() as u64).max_one())
        }
    }

    fn locked(&self, key: &str, allowed: u32) -> Option<Duration> {
        let now = Instant::now();
        let failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let f = failures.get(key)?;
        let elapsed = now.duration_since(f.since);
        (f.count >= allowed && elapsed < FAILURE_WINDOW).then(|| FAILURE_WINDOW - elapsed)
    }

    fn count(&self, key: String) {
        let now = Instant::now();
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if failures.len() > SWEEP_AT {
            failures.retain(|_, f| now.duration_since(f.since) < FAILURE_WINDOW);
        }
        let f = failures.entry(key).or_insert(Failures {
            count: 0,
            since: now,
        });
        if now.duration_since(f.since) >= FAILURE_WINDOW {
            *f = Failures {
                count: 0,
                since: now,
            };
        }
        f.count += 1;
    }

    /// Starts a sign-in (or a password check) of `login` from `ip`, before any hashing:
    /// refused while the (login, address) pair is backing off or the address has too many
    /// recent failures; otherwise the attempt is counted as failed now, so concurrent
    /// attempts are throttled before they hash, and [`Limits::sign_in_succeeded`] takes
    /// it back.
    pub(crate) fn sign_in_begin(&self, login: &str, ip: IpAddr) -> Result<(), ApiError> {
        let now = Instant::now();
        let pair = (login.to_owned(), ip);
        {
            let mut pairs = self.sign_in.lock().unwrap_or_else(|p| p.into_inner());
            if pairs.len() > SWEEP_AT {
                pairs.retain(|_, b| now.duration_since(b.last) < FAILURE_WINDOW);
            }
            if let Some(b) = pairs.get(&pair) {
                let quiet = now.duration_since(b.last);
                let lock = backoff(b.count);
                if quiet < lock {
                    return Err(ApiError::TooManyRequests(retry_secs(lock - quiet)));
                }
            }
        }
        if let Some(d) = self.locked(&format!("ip:{ip}"), FAILURES_BEFORE_LOCK * 4) {
            return Err(ApiError::TooManyRequests(retry_secs(d)));
        }
        let mut pairs = self.sign_in.lock().unwrap_or_else(|p| p.into_inner());
        let b = pairs.entry(pair).or_insert(Backoff {
            count: 0,
            last: now,
        });
        if now.duration_since(b.last) >= FAILURE_WINDOW {
            b.count = 0;
        }
        b.count += 1;
        b.last = now;
        drop(pairs);
        self.count(format!("ip:{ip}"));
        Ok(())
    }

    /// Takes back the attempt [`Limits::sign_in_begin`] counted when the password was
    /// right, and forgets the pair's failures.
    pub(crate) fn sign_in_succeeded(&self, login: &str, ip: IpAddr) {
        self.sign_in
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&(login.to_owned(), ip));
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(f) = failures.get_mut(&format!("ip:{ip}")) {
            f.count = f.count.saturating_sub(1);
        }
    }

    /// Refuses redeeming codes for a ticket, or from an address, after many wrong ones.
    pub(crate) fn redeem_allowed(&self, ticket: &str, ip: IpAddr) -> Result<(), ApiError> {
        let by_ticket = self.locked(&format!("redeem:{ticket}"), WRONG_CODES_PER_TICKET);
        let by_ip = self.locked(&format!("redeem-ip:{ip}"), WRONG_CODES_PER_TICKET * 4);
        match by_ticket.max(by_ip) {
            Some(d) => Err(ApiError::TooManyRequests(retry_secs(d))),
            None => Ok(()),
        }
    }

    /// Counts a wrong code.
    pub(crate) fn redeem_failed(&self, ticket: &str, ip: IpAddr) {
        self.count(format!("redeem:{ticket}"));
        self.count(format!("redeem-ip:{ip}"));
    }

    /// Limits codes sent per ticket (SMS cost, harassment) and per address.
    pub(crate) fn code_request_allowed(&self, ticket: &str, ip: IpAddr) -> Result<(), ApiError> {
        let key = format!("code:{ticket}");
        let ip_key = format!("code-ip:{ip}");
        if let Some(d) = self
            .locked(&key, CODES_PER_TICKET)
            .max(self.locked(&ip_key, CODES_PER_TICKET * 10))
        {
            return Err(ApiError::TooManyRequests(retry_secs(d)));
        }
        self.count(key);
        self.count(ip_key);
        Ok(())
    }
}

impl ApiError {
    fn max_one(self) -> Self {
        match self {
            ApiError::TooManyRequests(0) => ApiError::TooManyRequests(1),
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip() -> IpAddr {
        IpAddr::from([127, 0, 0, 1])
    }

    #[test]
    fn bucket_allows_the_burst_then_refuses_with_a_wait() {
        let l = Limits::new(1, 3);
        for _ in 0..3 {
            assert!(l.request("a").is_ok());
        }
        assert!(matches!(l.request("a"), Err(ApiError::TooManyRequests(s)) if s >= 1));
        assert!(l.request("b").is_ok(), "clients are independent");
        assert!(Limits::new(0, 1).request("a").is_ok(), "0 turns it off");
    }

    #[test]
    fn sign_in_locks_the_pair_after_repeated_failures_and_success_clears() {
        let l = Limits::new(0, 1);
        for _ in 0..FAILURES_BEFORE_LOCK {
            assert!(l.sign_in_begin("x", ip()).is_ok());
        }
        assert!(matches!(l.sign_in_begin("x", ip()), Err(ApiError::TooManyRequests(s)) if s >= 29));
        assert!(
            l.sign_in_begin("y", ip()).is_ok(),
            "other logins unaffected"
        );
        let other = IpAddr::from([203, 0, 113, 9]);
        assert!(
            l.sign_in_begin("x", other).is_ok(),
            "the same login from another client is not locked"
        );
        l.sign_in_succeeded("x", other);
        l.sign_in_succeeded("x", ip());
        assert!(l.sign_in_begin("x", ip()).is_ok());
    }

    #[test]
    fn the_lock_doubles_with_each_failure_up_to_the_window() {
        assert_eq!(backoff(FAILURES_BEFORE_LOCK - 1), Duration::ZERO);
        assert_eq!(backoff(FAILURES_BEFORE_LOCK), FIRST_LOCK);
        assert_eq!(backoff(FAILURES_BEFORE_LOCK + 1), FIRST_LOCK * 2);
        assert_eq!(backoff(FAILURES_BEFORE_LOCK + 2), FIRST_LOCK * 4);
        assert_eq!(backoff(FAILURES_BEFORE_LOCK + 40), FAILURE_WINDOW);
    }

    #[test]
    fn an_address_with_many_failures_is_locked_for_every_login() {
        let l = Limits::new(0, 1);
        for n in 0..FAILURES_BEFORE_LOCK * 4 {
            assert!(l.sign_in_begin(&format!("user{n}"), ip()).is_ok());
        }
        assert!(l.sign_in_begin("someone", ip()).is_err());
        assert!(
            l.sign_in_begin("someone", IpAddr::from([10, 0, 0, 1]))
                .is_ok()
        );
    }

    #[test]
    fn codes_per_ticket_are_limited() {
        let l = Limits::new(0, 1);
        for _ in 0..CODES_PER_TICKET {
            assert!(l.code_request_allowed("T1", ip()).is_ok());
        }
        assert!(l.code_request_allowed("T1", ip()).is_err());
        assert!(l.code_request_allowed("T2", ip()).is_ok());
    }
}
