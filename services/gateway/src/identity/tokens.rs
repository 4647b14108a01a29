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

/// Signs and checks access tokens with the shared secret.
#[derive(Clone)]
pub(crate) struct Signer {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl Signer {
    /// A signer over `secret` (at least 32 random bytes, shared by every replica).
    pub(crate) fn new(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 5;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
        }
    }

    /// Signs `claims`.
    pub(crate) fn sign(&self, claims: &Claims) -> Result<String, String> {
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &self.encoding)
            .map_err(|e| e.to_string())
    }

    /// Checks signature, algorithm, issuer, audience and expiry; the error says which.
    pub(crate) fn verify(&self, token: &str) -> Result<Claims, String> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|d| d.claims)
            .map_err(|e| match e.kind() {
                jsonwebtoken::errors::ErrorKind::ExpiredSignature => "the token has expired".into(),
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

    #[test]
    fn signed_tokens_verify_and_tampering_is_refused() {
        let s = Signer::new(b"0123456789abcdef0123456789abcdef");
        let t = s.sign(&claims(now() + 60)).expect("sign");
        assert_eq!(s.verify(&t).expect("valid").sub, "a1");
        let other = Signer::new(b"another secret of 32 bytes......");
        assert!(
            other
                .verify(&t)
                .expect_err("wrong key")
                .contains("signature")
        );
        assert!(s.verify(&claims_token_with_alg_none()).is_err());
    }

    fn claims_token_with_alg_none() -> String {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        let body = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims(now() + 60)).expect("json"));
        format!("{header}.{body}.")
    }

    #[test]
    fn expired_wrong_audience_and_issuer_are_refused() {
        let s = Signer::new(b"0123456789abcdef0123456789abcdef");
        let t = s.sign(&claims(now() - 600)).expect("sign");
        assert!(s.verify(&t).expect_err("expired").contains("expired"));
        let mut c = claims(now() + 60);
        c.aud = "other".into();
        assert!(s.verify(&s.sign(&c).expect("sign")).is_err());
        let mut c = claims(now() + 60);
        c.iss = "evil".into();
        assert!(s.verify(&s.sign(&c).expect("sign")).is_err());
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
