//! A TCP proxy on loopback that stands between the roles and a server (NATS, PostgreSQL)
//! and makes the network misbehave on command: added latency on every chunk, a blackhole
//! (nothing moves either way, connections stay open, as when a route drops packets and
//! TCP keeps retransmitting), and resets (every open connection closed at once with an
//! RST). The reliability tests (R10) drive it while the system is under load.
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

/// What the proxy does to the traffic it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Bytes pass as they come.
    None,
    /// Every chunk waits this long before it is passed on, both ways.
    Latency(Duration),
    /// Nothing is passed on (nor new connections made upstream) until the fault clears;
    /// what was held then flows.
    Blackhole,
}

/// A proxy to one upstream address; stopped when dropped.
pub struct FaultProxy {
    addr: SocketAddr,
    fault: watch::Sender<Fault>,
    /// Cancelled by [`FaultProxy::reset`]: every connection open then is reset.
    generation: Arc<Mutex<CancellationToken>>,
    stop: CancellationToken,
}

impl FaultProxy {
    /// Listens on a free loopback port and forwards every connection to `upstream`.
    pub async fn start(upstream: SocketAddr) -> anyhow::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let (fault, watching) = watch::channel(Fault::None);
        let generation = Arc::new(Mutex::new(CancellationToken::new()));
        let stop = CancellationToken::new();
        let (gen2, stop2) = (generation.clone(), stop.clone());
        tokio::spawn(async move {
            loop {
                let accepted = tokio::select! {
                    _ = stop2.cancelled() => return,
                    a = listener.accept() => a,
                };
                let Ok((client, _)) = accepted else { continue };
                let reset = gen2.lock().map(|g| g.clone()).unwrap_or_default();
                let (watching, stop) = (watching.clone(), stop2.clone());
                tokio::spawn(async move {
                    let _ = carry(client, upstream, watching, reset, stop).await;
                });
            }
        });
        Ok(Self {
            addr,
            fault,
            generation,
            stop,
        })
    }

    /// The address clients connect to instead of the upstream's.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Applies `fault` from now on, to open and new connections alike.
    pub fn set(&self, fault: Fault) {
        self.fault.send_replace(fault);
    }

    /// Resets every connection open now (the clients see an RST); new ones go through.
    pub fn reset(&self) {
        if let Ok(mut g) = self.generation.lock() {
            g.cancel();
            *g = CancellationToken::new();
        }
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.stop.cancel();
        self.reset();
    }
}

/// Waits while the fault is a blackhole; returns the latency to add, if any.
async fn pass(fault: &mut watch::Receiver<Fault>) -> Option<Duration> {
    loop {
        let now = *fault.borrow_and_update();
        match now {
            Fault::None => return None,
            Fault::Latency(d) => return Some(d),
            Fault::Blackhole => {
                if fault.changed().await.is_err() {
                    return None;
                }
            }
        }
    }
}

async fn carry(
    client: TcpStream,
    upstream: SocketAddr,
    mut fault: watch::Receiver<Fault>,
    reset: CancellationToken,
    stop: CancellationToken,
) -> std::io::Result<()> {
    // A blackhole holds the connection before it reaches the server, too.
    tokio::select! {
        _ = reset.cancelled() => return abort(client),
        _ = stop.cancelled() => return abort(client),
        _ = pass(&mut fault) => {}
    }
    let server = TcpStream::connect(upstream).await?;
    // Whenever the proxy closes the client's connection, the client sees an RST.
    client.set_zero_linger()?;
    client.set_nodelay(true)?;
    server.set_nodelay(true)?;
    let (client_read, client_write) = client.into_split();
    let (server_read, server_write) = server.into_split();
    let up = pump(client_read, server_write, fault.clone());
    let down = pump(server_read, client_write, fault);
    tokio::select! {
        _ = reset.cancelled() => {}
        _ = stop.cancelled() => {}
        _ = up => {}
        _ = down => {}
    }
    // Dropping the halves closes both sockets.
    Ok(())
}

/// Closes `stream` with an RST (zero linger) rather than an orderly FIN.
fn abort(stream: TcpStream) -> std::io::Result<()> {
    stream.set_zero_linger()?;
    drop(stream);
    Ok(())
}

async fn pump(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    mut fault: watch::Receiver<Fault>,
) -> std::io::Result<()> {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = from.read(&mut buf).await?;
        if n == 0 {
            return to.shutdown().await;
        }
        if let Some(delay) = pass(&mut fault).await {
            tokio::time::sleep(delay).await;
        }
        to.write_all(&buf[..n]).await?;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    async fn echo_server() -> SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            while let Ok((mut s, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let mut buf = [0u8; 1024];
                    while let Ok(n) = s.read(&mut buf).await {
                        if n == 0 || s.write_all(&buf[..n]).await.is_err() {
                            return;
                        }
                    }
                });
            }
        });
        addr
    }

    async fn round_trip(s: &mut TcpStream, text: &[u8]) -> std::io::Result<Vec<u8>> {
        s.write_all(text).await?;
        let mut back = vec![0u8; text.len()];
        s.read_exact(&mut back).await?;
        Ok(back)
    }

    #[tokio::test]
    async fn passes_delays_holds_and_resets_traffic() {
        let proxy = FaultProxy::start(echo_server().await).await.unwrap();
        let mut s = TcpStream::connect(proxy.addr()).await.unwrap();
        assert_eq!(round_trip(&mut s, b"hello").await.unwrap(), b"hello");

        proxy.set(Fault::Latency(Duration::from_millis(150)));
        let t = std::time::Instant::now();
        assert_eq!(round_trip(&mut s, b"slow").await.unwrap(), b"slow");
        assert!(
            t.elapsed() >= Duration::from_millis(300),
            "both ways delayed"
        );

        proxy.set(Fault::Blackhole);
        s.write_all(b"held").await.unwrap();
        let mut back = [0u8; 4];
        let waited =
            tokio::time::timeout(Duration::from_millis(300), s.read_exact(&mut back)).await;
        assert!(waited.is_err(), "nothing passes through a blackhole");
        proxy.set(Fault::None);
        s.read_exact(&mut back).await.unwrap();
        assert_eq!(&back, b"held", "what was held flows once it clears");

        proxy.reset();
        assert!(
            round_trip(&mut s, b"gone").await.is_err(),
            "the connection was reset"
        );
        let mut fresh = TcpStream::connect(proxy.addr()).await.unwrap();
        assert_eq!(round_trip(&mut fresh, b"again").await.unwrap(), b"again");
    }
}
