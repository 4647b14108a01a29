//! Per-channel rate limits: at most `per_minute` messages of a channel leave this notifier
//! in any minute (a sliding window over the sends themselves). A message over the limit is
//! not dropped: the delivery loop moves its next attempt to the moment a slot frees and it
//! stays pending, its attempts untouched.
use std::collections::VecDeque;

use aftercare_contracts::intake::NotificationChannel;

/// The window the limits count over, ms.
const WINDOW_MS: i64 = 60_000;

/// One channel's limit: the send times of the last minute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RateLimit {
    per_minute: usize,
    sent: VecDeque<i64>,
}

impl RateLimit {
    /// At most `per_minute` sends in any 60 s (at least one).
    pub(crate) fn new(per_minute: u32) -> Self {
        let per_minute = usize::try_from(per_minute.max(1)).unwrap_or(usize::MAX);
        Self {
            per_minute,
            sent: VecDeque::with_capacity(per_minute.min(1024)),
        }
    }

    /// None when a send at `now` (epoch ms) is within the limit; otherwise when the
    /// earliest slot frees.
    pub(crate) fn wait_until(&mut self, now: i64) -> Option<i64> {
        while self.sent.front().is_some_and(|t| *t + WINDOW_MS <= now) {
            self.sent.pop_front();
        }
        if self.sent.len() < self.per_minute {
            None
        } else {
            self.sent.front().map(|t| t + WINDOW_MS)
        }
    }

    /// Counts a send at `now`.
    pub(crate) fn record(&mut self, now: i64) {
        self.sent.push_back(now);
    }
}

/// How many messages per minute each channel may send
/// (`AFTERCARE_NOTIFY_<EMAIL|SMS|WECHAT>_PER_MINUTE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    /// E-mail (default 120).
    pub email: u32,
    /// Text messages (default 60).
    pub sms: u32,
    /// WeChat (default 60).
    pub wechat: u32,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            email: 120,
            sms: 60,
            wechat: 60,
        }
    }
}

/// The limiters of the three channels, kept by the delivery loop.
#[derive(Debug, Clone)]
pub(crate) struct Limiters {
    email: RateLimit,
    sms: RateLimit,
    wechat: RateLimit,
}

impl Limiters {
    pub(crate) fn new(limits: RateLimits) -> Self {
        Self {
            email: RateLimit::new(limits.email),
            sms: RateLimit::new(limits.sms),
            wechat: RateLimit::new(limits.wechat),
        }
    }

    /// The limiter of `channel`.
    pub(crate) fn of(&mut self, channel: NotificationChannel) -> &mut RateLimit {
        match channel {
            NotificationChannel::Email => &mut self.email,
            NotificationChannel::Sms => &mut self.sms,
            NotificationChannel::Wechat => &mut self.wechat,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn admits_up_to_the_limit_in_a_minute_then_says_when_a_slot_frees() {
        let mut l = RateLimit::new(3);
        for t in [0, 10_000, 20_000] {
            assert_eq!(l.wait_until(t), None);
            l.record(t);
        }
        // The fourth waits for the first send to leave the window.
        assert_eq!(l.wait_until(30_000), Some(60_000));
        assert_eq!(l.wait_until(59_999), Some(60_000));
        assert_eq!(l.wait_until(60_000), None);
        l.record(60_000);
        // Then for the second.
        assert_eq!(l.wait_until(60_001), Some(70_000));
        assert_eq!(l.wait_until(70_000), None);
    }

    #[test]
    fn waiting_does_not_use_a_slot() {
        let mut l = RateLimit::new(1);
        assert_eq!(l.wait_until(0), None);
        l.record(0);
        for t in [1, 2, 3, 59_999] {
            assert_eq!(l.wait_until(t), Some(60_000));
        }
        assert_eq!(l.wait_until(60_000), None);
    }

    #[test]
    fn a_burst_after_a_quiet_minute_gets_the_whole_limit_again() {
        let mut l = RateLimit::new(2);
        l.record(0);
        l.record(1);
        assert!(l.wait_until(2).is_some());
        assert_eq!(l.wait_until(120_000), None);
        l.record(120_000);
        assert_eq!(l.wait_until(120_000), None);
        l.record(120_000);
        assert_eq!(l.wait_until(120_000), Some(180_000));
    }

    #[test]
    fn a_zero_limit_still_lets_one_a_minute_through() {
        let mut l = RateLimit::new(0);
        assert_eq!(l.wait_until(0), None);
        l.record(0);
        assert_eq!(l.wait_until(0), Some(60_000));
    }

    #[test]
    fn each_channel_counts_on_its_own() {
        let mut ls = Limiters::new(RateLimits {
            email: 1,
            sms: 1,
            wechat: 2,
        });
        ls.of(NotificationChannel::Sms).record(0);
        assert_eq!(ls.of(NotificationChannel::Sms).wait_until(1), Some(60_000));
        assert_eq!(ls.of(NotificationChannel::Email).wait_until(1), None);
        ls.of(NotificationChannel::Wechat).record(0);
        assert_eq!(ls.of(NotificationChannel::Wechat).wait_until(1), None);
    }
}
