//! An SMTP server on loopback that keeps what it receives: enough of RFC 5321 (EHLO/HELO,
//! MAIL, RCPT, DATA, RSET, NOOP, QUIT) for a real client to deliver to it. It can be
//! stopped (the port refuses connections: an outage) and started again on the same port,
//! and told to refuse one recipient for good (550).
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// One message as delivered: the envelope and the raw content (headers and body).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedMail {
    /// `MAIL FROM` address.
    pub from: String,
    /// `RCPT TO` addresses.
    pub to: Vec<String>,
    /// The DATA, with the dot-stuffing undone and CRLF line ends.
    pub data: String,
}

impl ReceivedMail {
    /// The value of header `name` (case-insensitive), if present.
    pub fn header(&self, name: &str) -> Option<String> {
        let prefix = format!("{}:", name.to_ascii_lowercase());
        self.data
            .split("\r\n")
            .take_while(|l| !l.is_empty())
            .find(|l| l.to_ascii_lowercase().starts_with(&prefix))
            .map(|l| l[prefix.len()..].trim().to_owned())
    }
}

#[derive(Default)]
struct Shared {
    received: Vec<ReceivedMail>,
    refused: Vec<String>,
}

/// The SMTP sink; stopped when dropped.
pub struct SmtpSink {
    addr: SocketAddr,
    shared: Arc<Mutex<Shared>>,
    task: Option<JoinHandle<()>>,
}

impl SmtpSink {
    /// Starts on a free loopback port.
    pub async fn start() -> anyhow::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Mutex::new(Shared::default()));
        let task = Some(tokio::spawn(accept(listener, shared.clone())));
        Ok(Self { addr, shared, task })
    }

    /// The URL a client is configured with (`smtp://127.0.0.1:<port>`, no TLS).
    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    /// Stops accepting: connections are refused until [`SmtpSink::resume`].
    pub fn stop(&mut self) {
        if let Some(t) = self.task.take() {
            t.abort();
        }
    }

    /// Accepts again on the same port.
    pub async fn resume(&mut self) -> anyhow::Result<()> {
        self.stop();
        let listener = TcpListener::bind(self.addr).await?;
        self.task = Some(tokio::spawn(accept(listener, self.shared.clone())));
        Ok(())
    }

    /// Refuses mail to `address` for good (`550` to its `RCPT TO`).
    pub fn refuse(&self, address: &str) {
        if let Ok(mut s) = self.shared.lock() {
            s.refused.push(address.to_ascii_lowercase());
        }
    }

    /// Every message delivered so far, oldest first.
    pub fn received(&self) -> Vec<ReceivedMail> {
        self.shared
            .lock()
            .map(|s| s.received.clone())
            .unwrap_or_default()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn accept(listener: TcpListener, shared: Arc<Mutex<Shared>>) {
    // The sessions end with the listener, as a server going down drops its connections.
    let mut sessions = tokio::task::JoinSet::new();
    while let Ok((stream, _)) = listener.accept().await {
        sessions.spawn(session(stream, shared.clone()));
    }
}

fn address(arg: &str) -> String {
    let a = arg.trim();
    let a = a.split_once(':').map(|(_, v)| v).unwrap_or(a).trim();
    let a = a.split_whitespace().next().unwrap_or("");
    a.trim_start_matches('<')
        .trim_end_matches('>')
        .to_ascii_lowercase()
}

async fn session(stream: TcpStream, shared: Arc<Mutex<Shared>>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 sink.test ESMTP ready\r\n").await?;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_owned();
        let verb = command
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "HELO" | "NOOP" => b"250 OK\r\n",
            "RSET" => {
                (from, to) = (String::new(), Vec::new());
                b"250 OK\r\n"
            }
            "MAIL" => {
                from = address(&command[4..]);
                b"250 OK\r\n"
            }
            "RCPT" => {
                let a = address(&command[4..]);
                let refused = shared
                    .lock()
                    .map(|s| s.refused.contains(&a))
                    .unwrap_or(false);
                if refused {
                    b"550 5.1.1 no such mailbox\r\n"
                } else {
                    to.push(a);
                    b"250 OK\r\n"
                }
            }
            "DATA" if to.is_empty() => b"554 no valid recipients\r\n",
            "DATA" => {
                write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    let l = line.strip_prefix('.').unwrap_or(&line);
                    data.push_str(l.trim_end_matches(['\r', '\n']));
                    data.push_str("\r\n");
                }
                if let Ok(mut s) = shared.lock() {
                    s.received.push(ReceivedMail {
                        from: std::mem::take(&mut from),
                        to: std::mem::take(&mut to),
                        data,
                    });
                }
                b"250 OK queued\r\n"
            }
            "QUIT" => {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            _ => b"502 command not implemented\r\n",
        };
        write.write_all(reply).await?;
    }
}
