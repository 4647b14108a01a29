//! Optional sign-in through an external OpenID Connect issuer (Keycloak, Azure AD,
//! Authing, …): its access tokens are checked against the issuer's published keys
//! (JWKS) and one claim is mapped to an Aftercare role.
use std::collections::HashMap;
use std::time::{Duration, Instant};

use aftercare_contracts::Role;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::Value;
use uuid::Uuid;

use super::{Principal, Via};
use crate::error::ApiError;

/// Algorithms accepted from an external issuer: asymmetric only, so a token signed with
/// a shared secret can never pass as the issuer's.
const ACCEPTED: [Algorithm; 7] = [
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::ES256,
    Algorithm::ES384,
    Algorithm::EdDSA,
];
/// Shortest time between two key downloads (a token with an unknown key id triggers one).
const REFETCH_AFTER: Duration = Duration::from_secs(30);

/// OIDC settings (documented in the configuration table).
#[derive(Debug, Clone)]
pub struct OidcConfig {
    /// Expected `iss` claim (`AFTERCARE_OIDC_ISSUER`).
    pub issuer: String,
    /// Where the issuer publishes its keys (`AFTERCARE_OIDC_JWKS_URL`).
    pub jwks_url: String,
    /// Expected `aud` claim (`AFTERCARE_OIDC_AUDIENCE`).
    pub audience: String,
    /// Claim holding the role, dot path for nested claims, e.g. `realm_access.roles`
    /// (`AFTERCARE_OIDC_ROLE_CLAIM`).
    pub role_claim: String,
    /// Issuer role names mapped to Aftercare roles, `helpdesk=agent,field=technician`
    /// (`AFTERCARE_OIDC_ROLE_MAP`); Aftercare's own role names always map to themselves.
    pub role_map: HashMap<String, Role>,
}

impl OidcConfig {
    /// Parses `external=role,external=role`; the error names the bad entry.
    pub fn parse_role_map(text: &str) -> Result<HashMap<String, Role>, String> {
        let mut map = HashMap::new();
        for entry in text.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (from, to) = entry
                .split_once('=')
                .ok_or_else(|| format!("role map entry {entry:?} is not external=role"))?;
            let role = Role::parse(to.trim())
                .ok_or_else(|| format!("role map entry {entry:?}: {to:?} is not a role"))?;
            map.insert(from.trim().to_owned(), role);
        }
        Ok(map)
    }
}

/// The verifier with its cached keys.
pub(crate) struct Oidc {
    config: OidcConfig,
    http: reqwest::Client,
    keys: tokio::sync::Mutex<(JwkSet, Option<Instant>)>,
}

impl Oidc {
    /// A verifier; keys are fetched on first use.
    pub(crate) fn new(config: OidcConfig) -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .unwrap_or_default();
        Self {
            config,
            http,
            keys: tokio::sync::Mutex::new((JwkSet { keys: vec![] }, None)),
        }
    }

    /// Whether `token` claims to come from the external issuer (an asymmetric algorithm;
    /// this gateway signs with HS256 only).
    pub(crate) fn issued(&self, token: &str) -> bool {
        jsonwebtoken::decode_header(token).is_ok_and(|h| h.alg != Algorithm::HS256)
    }

    async fn key(&self, kid: Option<&str>) -> Result<jsonwebtoken::jwk::Jwk, ApiError> {
        let mut keys = self.keys.lock().await;
        let find = |set: &JwkSet| match kid {
            Some(k) => set.find(k).cloned(),
            None if set.keys.len() == 1 => set.keys.first().cloned(),
            None => None,
        };
        if let Some(k) = find(&keys.0) {
            return Ok(k);
        }
        if keys.1.is_some_and(|at| at.elapsed() < REFETCH_AFTER) {
            return Err(ApiError::Unauthenticated(
                "the token's signing key is not published by the issuer".into(),
            ));
        }
        keys.1 = Some(Instant::now());
        let fetched = async {
            let r = self
                .http
                .get(&self.config.jwks_url)
                .send()
                .await
                .map_err(|e| e.to_string())?;
            if !r.status().is_success() {
                return Err(format!("JWKS answered {}", r.status()));
            }
            r.json::<JwkSet>().await.map_err(|e| e.to_string())
        }
        .await;
        match fetched {
            Ok(set) => keys.0 = set,
            Err(e) => {
                tracing::warn!(error = %e, url = %self.config.jwks_url, "could not fetch the OIDC keys");
                return Err(ApiError::ServiceUnavailable(
                    "the identity provider's keys cannot be fetched".into(),
                ));
            }
        }
        find(&keys.0).ok_or_else(|| {
            ApiError::Unauthenticated(
                "the token's signing key is not published by the issuer".into(),
            )
        })
    }

    /// Verifies an external token and maps it to a principal.
    pub(crate) async fn verify(&self, token: &str) -> Result<Principal, ApiError> {
        let header = jsonwebtoken::decode_header(token)
            .map_err(|_| ApiError::Unauthenticated("the token is not valid".into()))?;
        if !ACCEPTED.contains(&header.alg) {
            return Err(ApiError::Unauthenticated(
                "the token's algorithm is not accepted".into(),
            ));
        }
        let jwk = self.key(header.kid.as_deref()).await?;
        let key = DecodingKey::from_jwk(&jwk)
            .map_err(|_| ApiError::Unauthenticated("the issuer's key is not usable".into()))?;
        let mut validation = Validation::new(header.alg);
        validation.set_issuer(&[&self.config.issuer]);
        validation.set_audience(&[&self.config.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 30;
        let claims = jsonwebtoken::decode::<Value>(token, &key, &validation)
            .map_err(|e| {
                ApiError::Unauthenticated(match e.kind() {
                    jsonwebtoken::errors::ErrorKind::ExpiredSignature => {
                        "the token has expired".into()
                    }
                    jsonwebtoken::errors::ErrorKind::InvalidIssuer
                    | jsonwebtoken::errors::ErrorKind::InvalidAudience => {
                        "the token was not issued for this API".into()
                    }
                    _ => "the token is not valid".into(),
                })
            })?
            .claims;
        let role = self.role(&claims).ok_or(ApiError::Forbidden)?;
        let sub = claims
            .get("sub")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let uuid_claim = |k: &str| {
            claims
                .get(k)
                .and_then(Value::as_str)
                .and_then(|v| Uuid::parse_str(v).ok())
        };
        Ok(Principal {
            account_id: format!("oidc:{sub}"),
            role,
            customer_id: uuid_claim("aftercare_customer_id"),
            technician_id: uuid_claim("aftercare_technician_id"),
            ticket_id: None,
            via: Via::Oidc,
        })
    }

    /// The first value of the role claim that maps to a role.
    fn role(&self, claims: &Value) -> Option<Role> {
        let mut v = claims;
        for part in self.config.role_claim.split('.') {
            v = v.get(part)?;
        }
        let names: Vec<&str> = match v {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        names.into_iter().find_map(|n| {
            self.config
                .role_map
                .get(n)
                .copied()
                .or_else(|| Role::parse(n))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_map_parses_and_names_bad_entries() {
        let m = OidcConfig::parse_role_map("helpdesk=agent, field=technician").expect("map");
        assert_eq!(m.get("field"), Some(&Role::Technician));
        assert!(
            OidcConfig::parse_role_map("x")
                .expect_err("bad")
                .contains("\"x\"")
        );
        assert!(
            OidcConfig::parse_role_map("x=root")
                .expect_err("bad")
                .contains("root")
        );
    }

    #[test]
    fn roles_come_from_nested_claims_and_map() {
        let oidc = Oidc::new(OidcConfig {
            issuer: "https://sso".into(),
            jwks_url: "https://sso/keys".into(),
            audience: "aftercare".into(),
            role_claim: "realm_access.roles".into(),
            role_map: OidcConfig::parse_role_map("helpdesk=agent").expect("map"),
        });
        let claims = serde_json::json!({"realm_access": {"roles": ["offline", "helpdesk"]}});
        assert_eq!(oidc.role(&claims), Some(Role::Agent));
        let claims = serde_json::json!({"realm_access": {"roles": ["manager"]}});
        assert_eq!(oidc.role(&claims), Some(Role::Manager));
        assert_eq!(oidc.role(&serde_json::json!({"roles": ["x"]})), None);
    }
}

/// Verification against a real JWKS endpoint on loopback, with tokens signed by a key
/// made for the test (ES256).
#[cfg(test)]
mod issuer_tests {
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use jsonwebtoken::{EncodingKey, Header};
    use p256::elliptic_curve::sec1::ToEncodedPoint;
    use p256::pkcs8::{EncodePrivateKey, LineEnding};

    struct Issuer {
        key: EncodingKey,
        url: String,
    }

    async fn issuer() -> Issuer {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).expect("random");
        bytes[0] = 1; // stays below the curve order
        let secret = p256::SecretKey::from_slice(&bytes).expect("key");
        let point = secret.public_key().to_encoded_point(false);
        let b64 = |b: &[u8]| URL_SAFE_NO_PAD.encode(b);
        let jwks = serde_json::json!({"keys": [{
            "kty": "EC", "crv": "P-256", "kid": "k1", "use": "sig", "alg": "ES256",
            "x": b64(point.x().expect("x")), "y": b64(point.y().expect("y")),
        }]});
        let pem = secret.to_pkcs8_pem(LineEnding::LF).expect("pem");
        let key = EncodingKey::from_ec_pem(pem.as_bytes()).expect("encoding key");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let app = axum::Router::new().route(
            "/keys",
            axum::routing::get(move || {
                let jwks = jwks.clone();
                async move { axum::Json(jwks) }
            }),
        );
        tokio::spawn(async move { axum::serve(listener, app).await });
        Issuer {
            key,
            url: format!("http://{addr}/keys"),
        }
    }

    fn oidc(url: &str) -> Oidc {
        Oidc::new(OidcConfig {
            issuer: "https://sso.example.com".into(),
            jwks_url: url.into(),
            audience: "aftercare".into(),
            role_claim: "roles".into(),
            role_map: OidcConfig::parse_role_map("field=technician").expect("map"),
        })
    }

    fn token(i: &Issuer, kid: &str, claims: serde_json::Value) -> String {
        let mut h = Header::new(Algorithm::ES256);
        h.kid = Some(kid.into());
        jsonwebtoken::encode(&h, &claims, &i.key).expect("sign")
    }

    fn claims(exp_offset: i64, aud: &str, iss: &str) -> serde_json::Value {
        let now = jsonwebtoken::get_current_timestamp() as i64;
        serde_json::json!({"sub": "u-1", "iss": iss, "aud": aud, "exp": now + exp_offset,
            "roles": ["offline_access", "field"],
            "aftercare_technician_id": "018f0000-0000-7000-8000-000000000003"})
    }

    #[tokio::test]
    async fn tokens_of_the_issuer_map_to_a_role_and_everything_else_is_refused() {
        let i = issuer().await;
        let o = oidc(&i.url);
        let good = token(
            &i,
            "k1",
            claims(300, "aftercare", "https://sso.example.com"),
        );
        assert!(o.issued(&good));
        let p = o.verify(&good).await.expect("valid");
        assert_eq!(p.role, Role::Technician);
        assert_eq!(p.account_id, "oidc:u-1");
        assert!(p.technician_id.is_some());
        assert_eq!(p.via, Via::Oidc);

        for (bad, why) in [
            (
                token(
                    &i,
                    "k1",
                    claims(-600, "aftercare", "https://sso.example.com"),
                ),
                "expired",
            ),
            (
                token(&i, "k1", claims(300, "other", "https://sso.example.com")),
                "audience",
            ),
            (
                token(
                    &i,
                    "k1",
                    claims(300, "aftercare", "https://evil.example.com"),
                ),
                "issuer",
            ),
            (
                token(
                    &i,
                    "k9",
                    claims(300, "aftercare", "https://sso.example.com"),
                ),
                "unknown key",
            ),
        ] {
            assert!(
                matches!(o.verify(&bad).await, Err(ApiError::Unauthenticated(_))),
                "{why}"
            );
        }
        // A token signed with a shared secret never passes as the issuer's.
        let hs = jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims(300, "aftercare", "https://sso.example.com"),
            &EncodingKey::from_secret(b"guess"),
        )
        .expect("sign");
        assert!(!o.issued(&hs));
        assert!(o.verify(&hs).await.is_err());
        // A valid signature but no mapped role: authenticated, not authorised.
        let mut c = claims(300, "aftercare", "https://sso.example.com");
        c["roles"] = serde_json::json!(["nobody"]);
        assert!(matches!(
            o.verify(&token(&i, "k1", c)).await,
            Err(ApiError::Forbidden)
        ));
    }

    #[tokio::test]
    async fn an_unreachable_key_endpoint_is_a_503_not_a_hang() {
        let i = issuer().await;
        let o = oidc("http://127.0.0.1:9/keys");
        let t = token(
            &i,
            "k1",
            claims(300, "aftercare", "https://sso.example.com"),
        );
        assert!(matches!(
            o.verify(&t).await,
            Err(ApiError::ServiceUnavailable(_))
        ));
    }
}
