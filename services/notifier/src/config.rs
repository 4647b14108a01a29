//! The notifier's settings: built once by the binary from the environment (the table in
//! docs/OPERATIONS.md lists each variable, its default and meaning) and passed to
//! [`crate::build`], so the library never reads the process environment and a test builds
//! the notifier with the channels and retry policy it needs.
use std::time::Duration;

use aftercare_platform::settings::{Lookup, whole_number};

use std::sync::Arc;

use aftercare_contracts::intake::NotificationChannel;

use crate::deliver::{Channel, Channels};
use crate::http_provider::{self, HttpProvider};
use crate::limiter::RateLimits;
use crate::smtp::Smtp;

/// Everything the notifier is configured with.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The channels messages go out on; none by default (every message is kept unsent).
    /// E-mail with `AFTERCARE_SMTP_URL` and `AFTERCARE_SMTP_FROM` ([`Smtp`]); SMS with
    /// `AFTERCARE_NOTIFY_SMS_URL` and `AFTERCARE_NOTIFY_SMS_KEY`, WeChat with
    /// `AFTERCARE_NOTIFY_WECHAT_URL` and `AFTERCARE_NOTIFY_WECHAT_KEY` ([`HttpProvider`]).
    pub channels: Channels,
    /// Retries and pacing.
    pub delivery: DeliveryPolicy,
}

/// How hard the notifier tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryPolicy {
    /// Attempts before a message is given up (`AFTERCARE_NOTIFY_ATTEMPTS`, 1–20, default 5).
    pub max_attempts: i64,
    /// Wait after the first failed attempt, doubled after each further one
    /// (`AFTERCARE_NOTIFY_RETRY_SECS`, 1–3600, default 30), at most [`Self::retry_max`].
    pub retry_base: Duration,
    /// Longest wait between attempts (one hour).
    pub retry_max: Duration,
    /// How often the messages due are looked for when none were.
    pub poll: Duration,
    /// How long one send may take before it counts as failed.
    pub send_timeout: Duration,
    /// How many messages per minute each channel sends; more wait for a slot.
    pub limits: RateLimits,
}

impl Default for DeliveryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 5,
            retry_base: Duration::from_secs(30),
            retry_max: Duration::from_secs(3600),
            poll: Duration::from_secs(1),
            send_timeout: Duration::from_secs(30),
            limits: RateLimits::default(),
        }
    }
}

impl DeliveryPolicy {
    /// The wait after failed attempt `attempt` (from 1): the base, doubling, capped.
    pub fn retry_delay(&self, attempt: i64) -> Duration {
        let doublings = u32::try_from(attempt.clamp(1, 31) - 1).unwrap_or(0);
        self.retry_base
            .saturating_mul(1u32 << doublings.min(20))
            .min(self.retry_max)
    }
}

impl Config {
    /// The settings looked up by their variable names; unset ones keep their defaults, a
    /// bad one is an error naming it.
    pub fn from_settings(get: Lookup<'_>) -> Result<Self, String> {
        let d = DeliveryPolicy::default();
        let delivery = DeliveryPolicy {
            max_attempts: i64::from(whole_number(get, "AFTERCARE_NOTIFY_ATTEMPTS", 1..=20, 5)?),
            retry_base: Duration::from_secs(u64::from(whole_number(
                get,
                "AFTERCARE_NOTIFY_RETRY_SECS",
                1..=3600,
                30,
            )?)),
            limits: RateLimits {
                email: whole_number(
                    get,
                    "AFTERCARE_NOTIFY_EMAIL_PER_MINUTE",
                    1..=100_000,
                    d.limits.email,
                )?,
                sms: whole_number(
                    get,
                    "AFTERCARE_NOTIFY_SMS_PER_MINUTE",
                    1..=100_000,
                    d.limits.sms,
                )?,
                wechat: whole_number(
                    get,
                    "AFTERCARE_NOTIFY_WECHAT_PER_MINUTE",
                    1..=100_000,
                    d.limits.wechat,
                )?,
            },
            ..d
        };
        let mut channels = Channels::default();
        if let Some(url) = get("AFTERCARE_SMTP_URL").filter(|u| !u.trim().is_empty()) {
            let from = get("AFTERCARE_SMTP_FROM")
                .filter(|f| !f.trim().is_empty())
                .ok_or("AFTERCARE_SMTP_FROM is required with AFTERCARE_SMTP_URL")?;
            channels.email = Some(Arc::new(Smtp::new(url.trim(), from.trim())?));
        }
        channels.sms = provider(get, NotificationChannel::Sms)?;
        channels.wechat = provider(get, NotificationChannel::Wechat)?;
        Ok(Self { channels, delivery })
    }
}

/// The HTTP provider configured for `channel`: none without its URL; its key is required
/// with it.
fn provider(
    get: Lookup<'_>,
    channel: NotificationChannel,
) -> Result<Option<Arc<dyn Channel>>, String> {
    let (url_var, key_var) = http_provider::variables(channel);
    let Some(url) = get(url_var).filter(|u| !u.trim().is_empty()) else {
        return Ok(None);
    };
    let key = get(key_var)
        .filter(|k| !k.trim().is_empty())
        .ok_or_else(|| format!("{key_var} is required with {url_var}"))?;
    Ok(Some(Arc::new(HttpProvider::new(channel, &url, &key)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_double_from_the_base_up_to_an_hour() {
        let p = DeliveryPolicy::default();
        assert_eq!(p.retry_delay(1), Duration::from_secs(30));
        assert_eq!(p.retry_delay(2), Duration::from_secs(60));
        assert_eq!(p.retry_delay(4), Duration::from_secs(240));
        assert_eq!(p.retry_delay(30), Duration::from_secs(3600));
    }

    #[test]
    fn settings_default_and_name_the_variable_when_bad() {
        let c = Config::from_settings(&|_| None).expect("defaults");
        assert_eq!(c.delivery, DeliveryPolicy::default());
        assert!(c.channels.configured().is_empty());
        let c =
            Config::from_settings(&|k| (k == "AFTERCARE_NOTIFY_ATTEMPTS").then(|| "2".to_owned()))
                .expect("two attempts");
        assert_eq!(c.delivery.max_attempts, 2);
        let e = Config::from_settings(&|k| {
            (k == "AFTERCARE_NOTIFY_RETRY_SECS").then(|| "0".to_owned())
        })
        .expect_err("zero");
        assert!(e.contains("AFTERCARE_NOTIFY_RETRY_SECS"), "{e}");
        let smtp = |url: &'static str, from: Option<&'static str>| {
            move |k: &str| match k {
                "AFTERCARE_SMTP_URL" => Some(url.to_owned()),
                "AFTERCARE_SMTP_FROM" => from.map(str::to_owned),
                _ => None,
            }
        };
        let c = Config::from_settings(&smtp(
            "smtp://mail.example.com:587?tls=required",
            Some("售后服务 <service@example.com>"),
        ))
        .expect("smtp");
        assert_eq!(c.channels.configured(), vec!["email"]);
        let e = Config::from_settings(&smtp("smtp://mail.example.com", None)).expect_err("no from");
        assert!(e.contains("AFTERCARE_SMTP_FROM"), "{e}");
        let e = Config::from_settings(&smtp("http://mail.example.com", Some("a@example.com")))
            .expect_err("not smtp");
        assert!(e.contains("AFTERCARE_SMTP_URL"), "{e}");
    }

    #[test]
    fn sms_and_wechat_go_to_their_providers_with_their_keys_and_limits() {
        let c = Config::from_settings(&|_| None).expect("defaults");
        assert_eq!(
            c.delivery.limits,
            RateLimits {
                email: 120,
                sms: 60,
                wechat: 60
            }
        );
        let set = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(name, _)| *name == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let c = Config::from_settings(&set(&[
            (
                "AFTERCARE_NOTIFY_SMS_URL",
                "https://sms.example.com/v1/messages",
            ),
            ("AFTERCARE_NOTIFY_SMS_KEY", "sk-123"),
            ("AFTERCARE_NOTIFY_SMS_PER_MINUTE", "10"),
        ]))
        .expect("sms");
        assert_eq!(c.channels.configured(), vec!["sms"]);
        assert_eq!(c.delivery.limits.sms, 10);
        let c = Config::from_settings(&set(&[
            ("AFTERCARE_NOTIFY_WECHAT_URL", "https://wx.example.com/send"),
            ("AFTERCARE_NOTIFY_WECHAT_KEY", "wk"),
            ("AFTERCARE_NOTIFY_SMS_URL", " "),
        ]))
        .expect("wechat");
        assert_eq!(c.channels.configured(), vec!["wechat"]);
        for (pairs, names) in [
            (
                &[("AFTERCARE_NOTIFY_SMS_URL", "https://sms.example.com/")][..],
                "AFTERCARE_NOTIFY_SMS_KEY",
            ),
            (
                &[
                    ("AFTERCARE_NOTIFY_WECHAT_URL", "http://wx.example.com/"),
                    ("AFTERCARE_NOTIFY_WECHAT_KEY", "wk"),
                ][..],
                "AFTERCARE_NOTIFY_WECHAT_URL",
            ),
            (
                &[("AFTERCARE_NOTIFY_SMS_PER_MINUTE", "0")][..],
                "AFTERCARE_NOTIFY_SMS_PER_MINUTE",
            ),
            (
                &[("AFTERCARE_NOTIFY_EMAIL_PER_MINUTE", "many")][..],
                "AFTERCARE_NOTIFY_EMAIL_PER_MINUTE",
            ),
        ] {
            let e = Config::from_settings(&set(pairs)).expect_err(names);
            assert!(e.contains(names), "{e}");
        }
    }
}
