//! Access tokens (HS256 JWTs this gateway signs), opaque refresh and API tokens, and the
//! random material behind them. Opaque tokens are stored only as SHA-256 hashes.
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Issuer claim of every token this gateway signs.
pub(crate) const ISSUER: &str = "aftercare";
/// Audience claim: the public API.
pub(crate) const AUDIENCE: &str = "aftercare-api";
/// Prefix of API tokens, so a leaked one is recognisable (secret scanners) and routed
/// to the API-token check without trying to parse it as a JWT.
pub(crate) const API_TOKEN_PREFIX: &str = "act_";
/// Prefix of refresh tokens.
pub(crate) const REFRESH_TOKEN_PREFIX: &str = "rt_";

/// Claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Claims {
    /// Account id, or `ticket:<number>` for a ticket-code session.
    pub(crate) sub: String,
    /// Role name at issue time (the account's current role is re-read on each request).
    pub(crate) role: String,
    /// Issuer.
    pub(crate) iss: String,
    /// Audience.
    pub(crate) aud: String,
    /// Issued at, seconds.
    pub(crate) iat: u64,
    /// Issued at, milliseconds: compared with the account's sign-out instant.
    pub(crate) iat_ms: i64,
    /// Expires, seconds.
    pub(crate) exp: u64,
    /// For ticket-code sessions: the ticket id they may see.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) ticket: Option<String>,
}

/// One HMAC key of the key set, named by the `kid` its tokens carry.
#[derive(Clone)]
pub(crate) struct SigningKey {
    /// Key id: 1–64 characters of letters, digits, `.`, `_`, `-`.
    pub(crate) kid: String,
    /// The secret, at least [`MIN_SECRET_LEN`] bytes.
    pub(crate) secret: Vec<u8>,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKey")
            .field("kid", &self.kid)
            .finish()
    }
}

/// Shortest accepted secret, bytes (HS256 wants at least the hash size).
pub(crate) const MIN_SECRET_LEN: usize = 32;

/// Parses a key set: one key a line, `kid=secret` or a bare secret (its kid is then
/// derived from the secret's hash); blank lines and `#` comments are skipped. The first
/// key signs new tokens; every key listed verifies, so a retired key stays listed until
/// the tokens it signed have expired. The error names the line, never the secret.
pub(crate) fn parse_keys(text: &str) -> Result<Vec<SigningKey>, String> {
    let mut keys: Vec<SigningKey> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (kid, secret) = match line.split_once('=') {
            Some((kid, secret)) if is_kid(kid.trim()) && !secret.trim().is_empty() => {
                (kid.trim().to_owned(), secret.trim())
            }
            _ => (format!("k{}", &digest(line)[..12]), line),
        };
        if secret.len() < MIN_SECRET_LEN {
            return Err(format!(
                "key on line {} is shorter than {MIN_SECRET_LEN} bytes",
                n + 1
            ));
        }
        if keys.iter().any(|k| k.kid == kid) {
            return Err(format!("key id {kid:?} is listed twice (line {})", n + 1));
        }
        keys.push(SigningKey {
            kid,
            secret: secret.as_bytes().to_vec(),
        });
    }
    if keys.is_empty() {
        return Err("no key is listed".into());
    }
    Ok(keys)
}

fn is_kid(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// A new key line (`kid=secret`) for a key file made on first start.
pub(crate) fn generate_key_line() -> Result<String, String> {
    let secret = random_text(48)?;
    Ok(format!("k{}={secret}", &digest(&secret)[..12]))
}

/// Signs access tokens with the first key of the set and checks them against every key
/// listed, chosen by the token's `kid`.
#[derive(Clone)]
pub(crate) struct Signer {
    kid: String,
    encoding: EncodingKey,
    decoding: std::collections::HashMap<String, DecodingKey>,
    validation: Validation,
}

impl Signer {
    /// A signer over `keys` (at least one): the first signs, all verify.
    pub(crate) fn new(keys: &[SigningKey]) -> Result<Self, String> {
        let first = keys.first().ok_or("no signing key")?;
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.validate_nbf = true;
        validation.leeway = 5;
        Ok(Self {
            kid: first.kid.clone(),
            encoding: EncodingKey::from_secret(&first.secret),
            decoding: keys
                .iter()
                .map(|k| (k.kid.clone(), DecodingKey::from_secret(&k.secret)))
                .collect(),
            validation,
        })
    }

    /// The id of the key new tokens are signed with.
    pub(crate) fn kid(&self) -> &str {
        &self.kid
    }

    /// Signs `claims` with the current key; the header names it (`kid`).
    pub(crate) fn sign(&self, claims: &Claims) -> Result<String, String> {
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, claims, &self.encoding).map_err(|e| e.to_string())
    }

    /// Checks key id, signature, algorithm, issuer, audience, expiry and not-before; the
    /// error says which.
    pub(crate) fn verify(&self, token: &str) -> Result<Claims, String> {
        let header =
            jsonwebtoken::decode_header(token).map_err(|_| "the token is not valid".to_owned())?;
        if header.alg != Algorithm::HS256 {
            return Err("the token's algorithm is not accepted".into());
        }
        let key = header
            .kid
            .as_deref()
            .and_then(|kid| self.decoding.get(kid))
            .ok_or_else(|| "the token's signing key is not known".to_owned())?;
        jsonwebtoken::decode::<Claims>(token, key, &self.validation)
            .map(|d| d.claims)
            .map_err(|e| match e.kind() {
                jsonwebtoken::errors::ErrorKind::ExpiredSignature => "the token has expired".into(),
                jsonwebtoken::errors::ErrorKind::ImmatureSignature => {
                    "the token is not valid yet".into()
                }
                jsonwebtoken::errors::ErrorKind::InvalidSignature => {
                    "the token's signature is not valid".into()
                }
                jsonwebtoken::errors::ErrorKind::InvalidAlgorithm => {
                    "the token's algorithm is not accepted".into()
                }
                jsonwebtoken::errors::ErrorKind::InvalidIssuer
                | jsonwebtoken::errors::ErrorKind::InvalidAudience => {
                    "the token was not issued for this API".into()
                }
                _ => "the token is not valid".into(),
            })
    }
}

/// `n` random bytes, URL-safe base64 without padding.
pub(crate) fn random_text(n: usize) -> Result<String, String> {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).map_err(|e| e.to_string())?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// A uniformly random six-digit code.
pub(crate) fn six_digits() -> Result<String, String> {
    loop {
        let mut b = [0u8; 4];
        getrandom::fill(&mut b).map_err(|e| e.to_string())?;
        let n = u32::from_le_bytes(b);
        // Reject the top sliver so every code is equally likely.
        if n < u32::MAX - (u32::MAX % 1_000_000) {
            return Ok(format!("{:06}", n % 1_000_000));
        }
    }
}

/// SHA-256 of a token, hex: what is stored and looked up.
pub(crate) fn digest(token: &str) -> String {
    let d = Sha256::digest(token.as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(exp: u64) -> Claims {
        Claims {
            sub: "a1".into(),
            role: "agent".into(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            iat: 0,
            iat_ms: 0,
            exp,
            ticket: None,
        }
    }

    fn now() -> u64 {
        jsonwebtoken::get_current_timestamp()
    }

    fn key(kid: &str, secret: &str) -> SigningKey {
        SigningKey {
            kid: kid.into(),
            secret: secret.as_bytes().to_vec(),
        }
    }

    fn signer(keys: &[SigningKey]) -> Signer {
        Signer::new(keys).expect("signer")
    }

    #[test]
    fn signed_tokens_verify_and_tampering_is_refused() {
        let s = signer(&[key("k1", "0123456789abcdef0123456789abcdef")]);
        let t = s.sign(&claims(now() + 60)).expect("sign");
        assert_eq!(
            jsonwebtoken::decode_header(&t)
                .expect("header")
                .kid
                .as_deref(),
            Some("k1")
        );
        assert_eq!(s.verify(&t).expect("valid").sub, "a1");
        // Same kid, another secret: the signature does not match.
        let other = signer(&[key("k1", "another secret of 32 bytes......")]);
        assert!(
            other
                .verify(&t)
                .expect_err("wrong key")
                .contains("signature")
        );
        assert!(s.verify(&claims_token_with_alg_none()).is_err());
    }

    fn claims_token_with_alg_none() -> String {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT","kid":"k1"}"#);
        let body = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims(now() + 60)).expect("json"));
        format!("{header}.{body}.")
    }

    #[test]
    fn expired_not_yet_valid_wrong_audience_and_issuer_are_refused() {
        let s = signer(&[key("k1", "0123456789abcdef0123456789abcdef")]);
        let t = s.sign(&claims(now() - 600)).expect("sign");
        assert!(s.verify(&t).expect_err("expired").contains("expired"));
        let mut c = claims(now() + 60);
        c.aud = "other".into();
        assert!(s.verify(&s.sign(&c).expect("sign")).is_err());
        let mut c = claims(now() + 60);
        c.iss = "evil".into();
        assert!(s.verify(&s.sign(&c).expect("sign")).is_err());
        let mut c = serde_json::to_value(claims(now() + 3600)).expect("json");
        c["nbf"] = serde_json::json!(now() + 1800);
        let mut h = Header::new(Algorithm::HS256);
        h.kid = Some("k1".into());
        let early = jsonwebtoken::encode(
            &h,
            &c,
            &EncodingKey::from_secret(b"0123456789abcdef0123456789abcdef"),
        )
        .expect("sign");
        assert!(s.verify(&early).expect_err("nbf").contains("not valid yet"));
    }

    #[test]
    fn a_retired_key_still_verifies_and_an_unknown_kid_is_refused() {
        let old = key("2026-01", "old secret old secret old secret!!");
        let new = key("2026-06", "new secret new secret new secret!!");
        let before = signer(std::slice::from_ref(&old));
        let issued_before = before.sign(&claims(now() + 60)).expect("sign");
        let rotated = signer(&[new.clone(), old.clone()]);
        assert_eq!(rotated.kid(), "2026-06");
        assert!(rotated.verify(&issued_before).is_ok(), "retired but listed");
        let issued_after = rotated.sign(&claims(now() + 60)).expect("sign");
        assert!(rotated.verify(&issued_after).is_ok());
        assert!(
            before
                .verify(&issued_after)
                .expect_err("unknown kid")
                .contains("not known")
        );
        let dropped = signer(&[new]);
        assert!(dropped.verify(&issued_before).is_err(), "no longer listed");
        // A token without a kid is refused too.
        let bare = jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims(now() + 60),
            &EncodingKey::from_secret(&old.secret),
        )
        .expect("sign");
        assert!(rotated.verify(&bare).is_err());
    }

    #[test]
    fn key_sets_parse_with_ids_and_name_bad_lines() {
        let keys = parse_keys(
            "# current first\nnew=abcdefghijklmnopqrstuvwxyz0123456789\n\nabcdefghijklmnopqrstuvwxyz0123456789-old\n",
        )
        .expect("keys");
        assert_eq!(keys.len(), 2);
        assert_eq!(keys[0].kid, "new");
        assert!(keys[1].kid.starts_with('k') && keys[1].kid.len() == 13);
        assert!(parse_keys("a=short").expect_err("short").contains("line 1"));
        assert!(parse_keys("# nothing\n").is_err());
        let dup = "a=abcdefghijklmnopqrstuvwxyz0123456789\na=abcdefghijklmnopqrstuvwxyz0123456789";
        assert!(parse_keys(dup).expect_err("dup").contains("twice"));
        let line = generate_key_line().expect("generate");
        assert_eq!(parse_keys(&line).expect("generated").len(), 1);
        assert!(
            !format!("{:?}", keys[0]).contains("abcdef"),
            "no secret in Debug"
        );
    }

    #[test]
    fn codes_are_six_digits_and_digests_are_stable() {
        for _ in 0..100 {
            let c = six_digits().expect("code");
            assert_eq!(c.len(), 6);
            assert!(c.bytes().all(|b| b.is_ascii_digit()));
        }
        assert_eq!(digest("x"), digest("x"));
        assert_ne!(digest("x"), digest("y"));
        assert_eq!(random_text(32).expect("random").len(), 43);
    }
}
