//! Optional sign-in through an external OpenID Connect issuer (Keycloak, Azure AD,
//! Authing, …): its access tokens are checked against the issuer's published keys
//! (JWKS), one claim is mapped to an Aftercare role through the configured map only (an
//! issuer role that happens to be called `admin` is nothing unless mapped), and the
//! customer or technician a token may act for comes from the Aftercare account linked to
//! its subject, never from its claims.
use std::collections::HashMap;
use std::time::{Duration, Instant};

use aftercare_contracts::Role;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::Value;
use uuid::Uuid;

use super::{Principal, Via, store};
use crate::error::ApiError;
use aftercare_platform::Db;

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
    /// (`AFTERCARE_OIDC_ROLE_MAP`). Only listed names map: an issuer role named like an
    /// Aftercare role (`admin`) grants nothing unless listed (`admin=admin`).
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

    /// Verifies an external token and maps it to a principal: the role through the
    /// configured map, the account, customer and technician from the Aftercare account
    /// linked to the token's subject (none without a link; refused when it is disabled).
    pub(crate) async fn verify(&self, token: &str, db: &Db) -> Result<Principal, ApiError> {
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
        validation.validate_nbf = true;
        validation.leeway = 30;
        let claims = jsonwebtoken::decode::<Value>(token, &key, &validation)
            .map_err(|e| {
                ApiError::Unauthenticated(match e.kind() {
                    jsonwebtoken::errors::ErrorKind::ExpiredSignature => {
                        "the token has expired".into()
                    }
                    jsonwebtoken::errors::ErrorKind::ImmatureSignature => {
                        "the token is not valid yet".into()
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
            .filter(|s| !s.is_empty())
            .ok_or_else(|| ApiError::Unauthenticated("the token names no subject".into()))?;
        let (account_id, customer_id, technician_id): (String, Option<Uuid>, Option<Uuid>) =
            match store::account_by_oidc_subject(db, sub).await? {
                Some(a) if a.disabled != 0 => {
                    return Err(ApiError::Unauthenticated("the account is disabled".into()));
                }
                Some(a) => (a.account_id.clone(), a.customer(), a.technician()),
                None => (format!("oidc:{sub}"), None, None),
            };
        Ok(Principal {
            account_id,
            role,
            customer_id,
            technician_id,
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
        names
            .into_iter()
            .find_map(|n| self.config.role_map.get(n).copied())
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
        // Names of Aftercare roles grant nothing unless the map lists them.
        for name in ["manager", "admin"] {
            let claims = serde_json::json!({"realm_access": {"roles": [name]}});
            assert_eq!(oidc.role(&claims), None, "{name}");
        }
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
            "aftercare_technician_id": "018f0000-0000-7000-8000-000000000003",
            "aftercare_customer_id": "018f0000-0000-7000-8000-000000000004"})
    }

    fn good() -> serde_json::Value {
        claims(300, "aftercare", "https://sso.example.com")
    }

    /// The gateway's own database (SQLite in a temporary directory), migrated.
    async fn db() -> (Db, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = Db::connect(
            &format!("sqlite://{}/gateway.db", dir.path().display()),
            "gateway",
        )
        .await
        .expect("db");
        db.migrate(&crate::MIGRATIONS).await.expect("migrate");
        (db, dir)
    }

    async fn link(db: &Db, subject: &str, role: Role, technician: Option<Uuid>) -> String {
        let id = Uuid::now_v7();
        store::insert_account(
            db,
            &store::NewAccount {
                id,
                login: &format!("linked-{subject}"),
                display_name: "linked",
                role,
                customer_id: None,
                technician_id: technician,
                password_hash: None,
                oidc_subject: Some(subject),
                now: 1,
            },
        )
        .await
        .expect("account");
        id.to_string()
    }

    #[tokio::test]
    async fn tokens_of_the_issuer_map_to_a_role_and_everything_else_is_refused() {
        let (db, _dir) = db().await;
        let i = issuer().await;
        let o = oidc(&i.url);
        let good_token = token(&i, "k1", good());
        assert!(o.issued(&good_token));
        let p = o.verify(&good_token, &db).await.expect("valid");
        assert_eq!(p.role, Role::Technician);
        assert_eq!(p.account_id, "oidc:u-1");
        assert_eq!(p.via, Via::Oidc);

        // S2 for the issuer's tokens: every defect is 401.
        let now = jsonwebtoken::get_current_timestamp() as i64;
        let mut early = good();
        early["nbf"] = serde_json::json!(now + 600);
        let mut tampered = good_token.clone();
        let last = tampered.pop().expect("char");
        tampered.push(if last == 'A' { 'B' } else { 'A' });
        let impostor = issuer().await;
        let alg_none = {
            let h = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT","kid":"k1"}"#);
            let b = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&good()).expect("json"));
            format!("{h}.{b}.")
        };
        for (bad, why) in [
            (
                token(
                    &i,
                    "k1",
                    claims(-600, "aftercare", "https://sso.example.com"),
                ),
                "expired",
            ),
            (token(&i, "k1", early), "not yet valid"),
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
            (token(&i, "k9", good()), "unknown key"),
            (token(&impostor, "k1", good()), "wrong key"),
            (tampered, "bad signature"),
            (alg_none.clone(), "alg none"),
        ] {
            assert!(
                matches!(o.verify(&bad, &db).await, Err(ApiError::Unauthenticated(_))),
                "{why}"
            );
        }
        // `alg: none` is not even taken for the issuer's; the gateway's own check refuses it.
        assert!(!o.issued(&alg_none));
        // A token signed with a shared secret never passes as the issuer's.
        let hs = jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &good(),
            &EncodingKey::from_secret(b"guess"),
        )
        .expect("sign");
        assert!(!o.issued(&hs));
        assert!(o.verify(&hs, &db).await.is_err());
        // A valid signature but no mapped role: authenticated, not authorised.
        let mut c = good();
        c["roles"] = serde_json::json!(["nobody"]);
        assert!(matches!(
            o.verify(&token(&i, "k1", c), &db).await,
            Err(ApiError::Forbidden)
        ));
    }

    #[tokio::test]
    async fn an_issuer_role_named_admin_is_nothing_unless_mapped() {
        let (db, _dir) = db().await;
        let i = issuer().await;
        let o = oidc(&i.url);
        let mut c = good();
        c["roles"] = serde_json::json!(["admin"]);
        assert!(matches!(
            o.verify(&token(&i, "k1", c.clone()), &db).await,
            Err(ApiError::Forbidden)
        ));
        let mapped = Oidc::new(OidcConfig {
            role_map: OidcConfig::parse_role_map("admin=admin").expect("map"),
            ..o.config.clone()
        });
        let p = mapped
            .verify(&token(&i, "k1", c), &db)
            .await
            .expect("mapped");
        assert_eq!(p.role, Role::Admin);
    }

    #[tokio::test]
    async fn customer_and_technician_links_come_from_the_account_never_from_claims() {
        let (db, _dir) = db().await;
        let i = issuer().await;
        let o = oidc(&i.url);
        // Unlinked: the ids in the claims are ignored.
        let p = o
            .verify(&token(&i, "k1", good()), &db)
            .await
            .expect("valid");
        assert_eq!((p.customer_id, p.technician_id), (None, None));
        // Linked: the account's technician, whatever the token claims.
        let technician = Uuid::now_v7();
        let account = link(&db, "u-1", Role::Technician, Some(technician)).await;
        let p = o
            .verify(&token(&i, "k1", good()), &db)
            .await
            .expect("valid");
        assert_eq!(p.account_id, account);
        assert_eq!(p.technician_id, Some(technician));
        assert_eq!(p.customer_id, None);
        // A disabled linked account ends the issuer's tokens too.
        let a = store::account_by_id(&db, &account)
            .await
            .expect("read")
            .expect("account");
        assert!(
            store::disable_account(&db, &account, a.version, 2)
                .await
                .expect("disable")
        );
        assert!(matches!(
            o.verify(&token(&i, "k1", good()), &db).await,
            Err(ApiError::Unauthenticated(_))
        ));
    }

    #[tokio::test]
    async fn an_unreachable_key_endpoint_is_a_503_not_a_hang() {
        let (db, _dir) = db().await;
        let i = issuer().await;
        let o = oidc("http://127.0.0.1:9/keys");
        let t = token(&i, "k1", good());
        assert!(matches!(
            o.verify(&t, &db).await,
            Err(ApiError::ServiceUnavailable(_))
        ));
    }
}
