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
            ApiError::Unauthenticated("the token's signing key is not published by the issuer".into())
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
        let sub = claims.get("sub").and_then(Value::as_str).unwrap_or_default();
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
        assert!(OidcConfig::parse_role_map("x").expect_err("bad").contains("\"x\""));
        assert!(OidcConfig::parse_role_map("x=root").expect_err("bad").contains("root"));
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
