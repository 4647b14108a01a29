//! E-mail over SMTP (`lettre`, TLS through rustls): configured by URL
//! (`AFTERCARE_SMTP_URL`): `smtps://user:pass@host:465` (TLS from the start),
//! `smtp://user:pass@host:587?tls=required` (STARTTLS required) or `smtp://host:25` (no TLS,
//! for a relay on the same host or network). Each message carries `Message-ID:
//! <key@aftercare>`, the message's key: a send repeated after a crash between the server's
//! acceptance and its record has the same id, which mail systems and clients treat as one
//! message (SMTP itself has no idempotency key).
use std::time::Duration;

use aftercare_platform::BoxFuture;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use crate::deliver::{Accepted, Channel, Outgoing, SendError};

/// An SMTP server messages are handed to.
pub struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Smtp {
    /// The server at `url`, sending as `from` (`Name <address>` or an address).
    pub fn new(url: &str, from: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("AFTERCARE_SMTP_URL is not an SMTP URL: {e}"))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = from
            .parse::<Mailbox>()
            .map_err(|e| format!("AFTERCARE_SMTP_FROM {from:?} is not a mail address: {e}"))?;
        Ok(Self { transport, from })
    }

    async fn deliver(&self, m: &Outgoing) -> Result<Accepted, SendError> {
        let to = m
            .to
            .parse::<Mailbox>()
            .map_err(|e| SendError::permanent(format!("{:?} is not a mail address: {e}", m.to)))?;
        let email = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(m.subject.clone())
            .message_id(Some(format!("<{}@aftercare>", m.key)))
            .header(ContentType::TEXT_PLAIN)
            .body(m.body.clone())
            .map_err(|e| SendError::permanent(format!("the message cannot be built: {e}")))?;
        match self.transport.send(email).await {
            Ok(r) => Ok(Accepted {
                provider_id: None,
                status: Some(u16::from(r.code())),
            }),
            Err(e) => {
                let code = e.status().map(u16::from);
                let error = if e.is_permanent() {
                    SendError::permanent(e.to_string())
                } else {
                    SendError::transient(e.to_string())
                };
                Err(match code {
                    Some(c) => error.with_status(c),
                    None => error,
                })
            }
        }
    }
}

impl Channel for Smtp {
    fn send<'a>(&'a self, message: &'a Outgoing) -> BoxFuture<'a, Result<Accepted, SendError>> {
        Box::pin(self.deliver(message))
    }
}
