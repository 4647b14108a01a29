//! SMS and WeChat through an HTTP provider (`reqwest`, TLS through rustls): each message is
//! one `POST` of a JSON document to the provider's URL (`AFTERCARE_NOTIFY_SMS_URL`,
//! `AFTERCARE_NOTIFY_WECHAT_URL`) with its key as `Authorization: Bearer <key>`
//! (`AFTERCARE_NOTIFY_SMS_KEY`, `AFTERCARE_NOTIFY_WECHAT_KEY`) and the message's key as
//! `Idempotency-Key`, so a provider that honours it treats the resend after a crash between
//! its acceptance and the notifier's record as the same message.
//!
//! The document: `{"message_key", "channel", "to", "text", "language", "kind",
//! "ticket_number"}`. A 2xx answer is sent (its `message_id` or `id`, when the JSON answer has
//! one, is recorded as the provider's id); 408, 429, 5xx, no connection and no answer in time
//! are retried with the notifier's back-off; a 429 or 503 with `Retry-After` (seconds or an
//! HTTP-date) is not tried again before that, at most the longest wait between attempts
//! (one hour); any other answer (3xx, 4xx: a bad number, a refused text, a wrong key) gives
//! the message up at once. Redirects are not followed.
use std::time::Duration;

use aftercare_contracts::intake::NotificationChannel;
use aftercare_platform::BoxFuture;
use chrono::{DateTime, NaiveDateTime, Utc};
use reqwest::header::{AUTHORIZATION, HeaderValue, RETRY_AFTER};
use reqwest::{StatusCode, Url};

use crate::compose::{channel_name, language_name};
use crate::deliver::{Accepted, Channel, Outgoing, SendError};

/// The header carrying the message's key.
pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";

/// How much of a refusal's body is kept as the message's last error.
const ERROR_TEXT: usize = 300;

/// An HTTP provider one channel's messages are posted to.
pub struct HttpProvider {
    client: reqwest::Client,
    url: Url,
    authorization: HeaderValue,
}

impl HttpProvider {
    /// The provider at `url` (https; http only on loopback) for `channel`, authorised by
    /// `key`; a bad setting is an error naming its variable.
    pub fn new(channel: NotificationChannel, url: &str, key: &str) -> Result<Self, String> {
        let (url_var, key_var) = variables(channel);
        let url = Url::parse(url.trim()).map_err(|e| format!("{url_var} is not a URL: {e}"))?;
        let loopback = match url.host_str() {
            Some("localhost") => true,
            Some(h) => h
                .trim_matches(['[', ']'])
                .parse::<std::net::IpAddr>()
                .is_ok_and(|a| a.is_loopback()),
            None => false,
        };
        match url.scheme() {
            "https" => {}
            "http" if loopback => {}
            other => {
                return Err(format!(
                    "{url_var} must be an https URL (http only on loopback), not {other}"
                ));
            }
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(format!(
                "{url_var} must not carry credentials; the key goes in {key_var}"
            ));
        }
        let key = key.trim();
        if key.is_empty() {
            return Err(format!("{key_var} is required with {url_var}"));
        }
        let mut authorization = HeaderValue::from_str(&format!("Bearer {key}"))
            .map_err(|_| format!("{key_var} is not a valid header value"))?;
        authorization.set_sensitive(true);
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(20))
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("aftercare-notifier/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("the HTTP client for {url_var} cannot be built: {e}"))?;
        Ok(Self {
            client,
            url,
            authorization,
        })
    }

    async fn deliver(&self, m: &Outgoing) -> Result<Accepted, SendError> {
        let document = serde_json::json!({
            "message_key": m.key,
            "channel": channel_name(m.channel),
            "to": m.to,
            "text": m.body,
            "language": language_name(m.language),
            "kind": m.kind,
            "ticket_number": m.ticket_number,
        });
        let answer = self
            .client
            .post(self.url.clone())
            .header(AUTHORIZATION, self.authorization.clone())
            .header(IDEMPOTENCY_KEY, m.key.as_str())
            .json(&document)
            .send()
            .await
            .map_err(|e| {
                if e.is_builder() {
                    SendError::permanent(format!("the request cannot be built: {e}"))
                } else {
                    SendError::transient(format!("the provider was not reached: {e}"))
                }
            })?;
        let status = answer.status();
        let wait = answer
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| retry_after(v, Utc::now()));
        // A body that cannot be read is no reason to send the message again.
        let body = answer.text().await.unwrap_or_default();
        classify(status, &body).map_err(|e| {
            let honoured = status == StatusCode::TOO_MANY_REQUESTS
                || status == StatusCode::SERVICE_UNAVAILABLE;
            e.with_retry_after(wait.filter(|_| honoured))
        })
    }
}

impl Channel for HttpProvider {
    fn send<'a>(&'a self, message: &'a Outgoing) -> BoxFuture<'a, Result<Accepted, SendError>> {
        Box::pin(self.deliver(message))
    }
}

/// The URL and key variables of `channel`.
pub(crate) fn variables(channel: NotificationChannel) -> (&'static str, &'static str) {
    match channel {
        NotificationChannel::Sms => ("AFTERCARE_NOTIFY_SMS_URL", "AFTERCARE_NOTIFY_SMS_KEY"),
        NotificationChannel::Wechat => {
            ("AFTERCARE_NOTIFY_WECHAT_URL", "AFTERCARE_NOTIFY_WECHAT_KEY")
        }
        NotificationChannel::Email => ("AFTERCARE_SMTP_URL", "AFTERCARE_SMTP_FROM"),
    }
}

/// What the provider's answer means: sent (with its id for the message, if it gave one),
/// worth retrying, or refused for good.
fn classify(status: StatusCode, body: &str) -> Result<Accepted, SendError> {
    if status.is_success() {
        return Ok(Accepted {
            provider_id: provider_id(body),
            status: Some(status.as_u16()),
        });
    }
    let text: String = body.trim().chars().take(ERROR_TEXT).collect();
    let said = if text.is_empty() {
        format!("the provider answered {status}")
    } else {
        format!("the provider answered {status}: {text}")
    };
    if status == StatusCode::TOO_MANY_REQUESTS
        || status == StatusCode::REQUEST_TIMEOUT
        || status.is_server_error()
    {
        Err(SendError::transient(said).with_status(status.as_u16()))
    } else {
        Err(SendError::permanent(said).with_status(status.as_u16()))
    }
}

/// The wait a `Retry-After` value asks for at `now` (RFC 9110 §10.2.3): a number of seconds,
/// or an HTTP-date (IMF-fixdate, or the obsolete RFC 850 and asctime forms) of which the
/// time left (none when past). None when it is neither.
fn retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // A number too long for u64 is longer than any wait allowed anyway.
        return Some(Duration::from_secs(value.parse().unwrap_or(u64::MAX)));
    }
    let at = DateTime::parse_from_rfc2822(value)
        .map(|d| d.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            ["%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"]
                .into_iter()
                .find_map(|f| NaiveDateTime::parse_from_str(value, f).ok())
                .map(|d| d.and_utc())
        })?;
    Some((at - now).to_std().unwrap_or(Duration::ZERO))
}

/// The provider's id for the message: `message_id` or `id` of a JSON answer, text or number.
fn provider_id(body: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(body).ok()?;
    ["message_id", "id"]
        .into_iter()
        .find_map(|k| match &v[k] {
            serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .map(|id| id.chars().take(200).collect())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_sent_retried_or_given_up() {
        let id = |s: StatusCode, body: &str| classify(s, body).map(|a| a.provider_id);
        assert_eq!(
            id(StatusCode::OK, r#"{"message_id":"sm-1"}"#),
            Ok(Some("sm-1".to_owned()))
        );
        assert_eq!(
            id(StatusCode::ACCEPTED, r#"{"id":42}"#),
            Ok(Some("42".to_owned()))
        );
        assert_eq!(id(StatusCode::NO_CONTENT, ""), Ok(None));
        assert_eq!(id(StatusCode::OK, "queued"), Ok(None));
        assert_eq!(
            classify(StatusCode::ACCEPTED, "").unwrap().status,
            Some(202)
        );
        for retried in [429, 408, 500, 502, 503, 504] {
            let e = classify(StatusCode::from_u16(retried).unwrap(), "busy").unwrap_err();
            assert!(!e.permanent, "{retried}");
            assert!(e.message.contains(&retried.to_string()), "{e:?}");
            assert_eq!(e.status, Some(retried));
        }
        for refused in [301, 400, 401, 403, 404, 422] {
            let e = classify(StatusCode::from_u16(refused).unwrap(), "").unwrap_err();
            assert!(e.permanent, "{refused}");
            assert_eq!(e.status, Some(refused));
        }
        let long = "x".repeat(5000);
        let e = classify(StatusCode::BAD_REQUEST, &long).unwrap_err();
        assert!(e.message.len() < 400, "{}", e.message.len());
    }

    #[test]
    fn retry_after_is_read_as_seconds_or_an_http_date() {
        let now = DateTime::parse_from_rfc3339("2026-12-07T08:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let s = Duration::from_secs;
        assert_eq!(retry_after("120", now), Some(s(120)));
        assert_eq!(retry_after(" 0 ", now), Some(s(0)));
        assert_eq!(
            retry_after("99999999999999999999999", now),
            Some(Duration::from_secs(u64::MAX))
        );
        // IMF-fixdate, and the obsolete forms a recipient must still accept.
        assert_eq!(
            retry_after("Mon, 07 Dec 2026 08:01:30 GMT", now),
            Some(s(90))
        );
        assert_eq!(
            retry_after("Monday, 07-Dec-26 08:00:45 GMT", now),
            Some(s(45))
        );
        assert_eq!(retry_after("Mon Dec  7 08:10:00 2026", now), Some(s(600)));
        // A date already past asks for no wait.
        assert_eq!(
            retry_after("Mon, 07 Dec 2026 07:00:00 GMT", now),
            Some(s(0))
        );
        for bad in ["", "-5", "1.5", "soon", "Mon, 32 Dec 2026 08:00:00 GMT"] {
            assert_eq!(retry_after(bad, now), None, "{bad:?}");
        }
    }

    #[test]
    fn the_url_is_https_or_loopback_and_the_key_is_required() {
        let sms = NotificationChannel::Sms;
        assert!(HttpProvider::new(sms, "https://sms.example.com/v1/send", "k").is_ok());
        assert!(HttpProvider::new(sms, "http://127.0.0.1:8080/send", "k").is_ok());
        assert!(HttpProvider::new(sms, "http://localhost:8080/send", "k").is_ok());
        for (url, key, names) in [
            (
                "http://sms.example.com/send",
                "k",
                "AFTERCARE_NOTIFY_SMS_URL",
            ),
            ("ftp://sms.example.com/", "k", "AFTERCARE_NOTIFY_SMS_URL"),
            ("not a url", "k", "AFTERCARE_NOTIFY_SMS_URL"),
            (
                "https://u:p@sms.example.com/",
                "k",
                "AFTERCARE_NOTIFY_SMS_URL",
            ),
            ("https://sms.example.com/", " ", "AFTERCARE_NOTIFY_SMS_KEY"),
            (
                "https://sms.example.com/",
                "a\nb",
                "AFTERCARE_NOTIFY_SMS_KEY",
            ),
        ] {
            let e = HttpProvider::new(sms, url, key).err().unwrap();
            assert!(e.contains(names), "{url} {key:?}: {e}");
        }
        let e = HttpProvider::new(NotificationChannel::Wechat, "https://x.example.com/", "")
            .err()
            .unwrap();
        assert!(e.contains("AFTERCARE_NOTIFY_WECHAT_KEY"), "{e}");
    }
}
