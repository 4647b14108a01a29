//! The client's address behind reverse proxies. Sign-in lockout and the anonymous rate
//! bucket are keyed by the client's address; behind an ingress every TCP connection
//! comes from the ingress pod, so the address the proxy saw is taken from
//! `X-Forwarded-For` (or `Forwarded`), but only when the TCP peer is a configured
//! trusted proxy: anyone else could write any address into those headers.
use std::net::IpAddr;
use std::str::FromStr;

use axum::http::{HeaderMap, header};

/// The client's address, for sign-in throttling and anonymous limits: the TCP peer, or
/// what a trusted proxy forwarded (see [`client_ip`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ClientIp(pub(crate) IpAddr);

/// An address range in CIDR notation (`10.0.0.0/8`, `fd00::/8`, or one address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    addr: IpAddr,
    prefix: u8,
}

impl Cidr {
    /// Whether `ip` is in the range (an IPv4-mapped IPv6 address counts as IPv4).
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        match (self.addr, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }

    /// Parses a comma-separated list (`AFTERCARE_TRUSTED_PROXIES`); empty entries are
    /// skipped, a bad one is named.
    pub fn parse_list(text: &str) -> Result<Vec<Cidr>, String> {
        text.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(Cidr::from_str)
            .collect()
    }
}

impl FromStr for Cidr {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("{s:?} is not an address range like 10.0.0.0/8 or fd00::/8");
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr = canonical(addr.trim().parse::<IpAddr>().map_err(|_| bad())?);
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.trim().parse::<u8>().map_err(|_| bad())?,
            None => max,
        };
        if prefix > max {
            return Err(bad());
        }
        Ok(Cidr { addr, prefix })
    }
}

fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    }
}

/// One hop of `X-Forwarded-For` or a `for=` of `Forwarded`: an address, maybe with a
/// port, maybe in brackets or quotes; `None` for obfuscated or unknown hops.
fn hop(text: &str) -> Option<IpAddr> {
    let t = text.trim().trim_matches('"');
    if let Ok(ip) = t.parse::<IpAddr>() {
        return Some(canonical(ip));
    }
    if let Some(rest) = t.strip_prefix('[') {
        return rest
            .split_once(']')
            .and_then(|(a, _)| a.parse().ok())
            .map(canonical);
    }
    t.rsplit_once(':')
        .and_then(|(a, _)| a.parse::<std::net::Ipv4Addr>().ok())
        .map(IpAddr::V4)
}

/// The hops the proxies recorded, nearest last: `X-Forwarded-For` when present,
/// otherwise the `for=` parameters of `Forwarded`. Every header line counts, in order.
fn chain(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let xff: Vec<Option<IpAddr>> = headers
        .get_all("x-forwarded-for")
        .iter()
        .flat_map(|v| v.to_str().unwrap_or("?").split(',').map(hop))
        .collect();
    if !xff.is_empty() {
        return xff;
    }
    headers
        .get_all(header::FORWARDED)
        .iter()
        .flat_map(|v| {
            v.to_str()
                .unwrap_or("?")
                .split(',')
                .map(|element| {
                    element
                        .split(';')
                        .find_map(|pair| {
                            let (k, v) = pair.split_once('=')?;
                            k.trim().eq_ignore_ascii_case("for").then_some(v)
                        })
                        .and_then(hop)
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The client's address: the TCP `peer` unless it is a trusted proxy; then the
/// forwarding chain is walked from the right, skipping trusted proxies, and the first
/// address that is not one is the client. An unreadable hop stops the walk at the last
/// trusted proxy (nothing left of it can be believed).
pub(crate) fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[Cidr]) -> IpAddr {
    let peer = canonical(peer);
    let is_trusted = |ip: IpAddr| trusted.iter().any(|c| c.contains(ip));
    if !is_trusted(peer) {
        return peer;
    }
    let mut client = peer;
    for hop in chain(headers).into_iter().rev() {
        let Some(ip) = hop else {
            return client;
        };
        client = ip;
        if !is_trusted(ip) {
            return ip;
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("ip")
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_str(v).expect("header"));
        }
        h
    }

    #[test]
    fn ranges_parse_and_match() {
        let list = Cidr::parse_list("10.0.0.0/8, 192.168.1.7 ,fd00::/8,").expect("list");
        assert_eq!(list.len(), 3);
        assert!(list[0].contains(ip("10.42.3.4")));
        assert!(!list[0].contains(ip("11.0.0.1")));
        assert!(list[1].contains(ip("192.168.1.7")));
        assert!(!list[1].contains(ip("192.168.1.8")));
        assert!(list[2].contains(ip("fd12::1")));
        assert!(list[0].contains(ip("::ffff:10.1.2.3")), "mapped IPv4");
        assert!(Cidr::parse_list("").expect("empty").is_empty());
        assert!(Cidr::parse_list("0.0.0.0/0").expect("all")[0].contains(ip("8.8.8.8")));
        for bad in ["10.0.0.0/33", "ten", "10.0.0.0/x", "::/129"] {
            assert!(Cidr::parse_list(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_claims() {
        let trusted = Cidr::parse_list("10.0.0.0/8").expect("list");
        let h = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(
            client_ip(ip("198.51.100.1"), &h, &trusted),
            ip("198.51.100.1")
        );
        assert_eq!(
            client_ip(ip("10.0.0.5"), &h, &[]),
            ip("10.0.0.5"),
            "none trusted"
        );
    }

    #[test]
    fn a_trusted_peer_hands_over_the_nearest_untrusted_hop() {
        let trusted = Cidr::parse_list("10.0.0.0/8").expect("list");
        // The client made up the first hop; the proxies appended the rest.
        let h = headers(&[("x-forwarded-for", "1.2.3.4, 203.0.113.9, 10.1.1.1")]);
        assert_eq!(client_ip(ip("10.0.0.5"), &h, &trusted), ip("203.0.113.9"));
        let two = headers(&[
            ("x-forwarded-for", "1.2.3.4"),
            ("x-forwarded-for", "203.0.113.9:5555"),
        ]);
        assert_eq!(client_ip(ip("10.0.0.5"), &two, &trusted), ip("203.0.113.9"));
        let fwd = headers(&[(
            "forwarded",
            "for=1.2.3.4, for=\"[2001:db8::7]:4711\";proto=https",
        )]);
        assert_eq!(client_ip(ip("10.0.0.5"), &fwd, &trusted), ip("2001:db8::7"));
        let garbage = headers(&[("x-forwarded-for", "203.0.113.9, unknown, 10.2.2.2")]);
        assert_eq!(
            client_ip(ip("10.0.0.5"), &garbage, &trusted),
            ip("10.2.2.2"),
            "an unreadable hop stops at the last trusted proxy"
        );
        let none = HeaderMap::new();
        assert_eq!(client_ip(ip("10.0.0.5"), &none, &trusted), ip("10.0.0.5"));
    }
}
