//! Password hashing (argon2id, PHC strings) and the password rules.
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// The argon2id hash, with the default parameters, of a random password nobody knows:
/// verified when a login does not exist, so an unknown login costs the same time as a
/// wrong password and timing does not reveal which logins exist.
pub(crate) const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$b1jcy+aGS/iSclqxqn1D7w$2yhcZFDEpUdr/erAXzRKy+Pt+/f/DItCNUWUpDEZ/Kg";

/// Shortest password accepted.
pub(crate) const MIN_LEN: usize = 12;
/// Longest password accepted (hashing cost grows with it).
pub(crate) const MAX_LEN: usize = 256;

/// Why a password is refused, or `None` when it is acceptable.
pub(crate) fn weakness(password: &str) -> Option<String> {
    let n = password.chars().count();
    if n < MIN_LEN {
        return Some(format!(
            "the password must have at least {MIN_LEN} characters"
        ));
    }
    if n > MAX_LEN {
        return Some(format!(
            "the password must have at most {MAX_LEN} characters"
        ));
    }
    if password
        .chars()
        .all(|c| c == password.chars().next().unwrap_or(' '))
    {
        return Some("the password must not repeat one character".into());
    }
    None
}

fn salt() -> Result<SaltString, String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| e.to_string())?;
    SaltString::encode_b64(&bytes).map_err(|e| e.to_string())
}

/// Hashes `password` with argon2id; CPU-heavy, so it runs off the async threads.
pub(crate) async fn hash(password: String) -> Result<String, String> {
    tokio::task::spawn_blocking(move || {
        let salt = salt()?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())?
}

/// Whether `password` matches the stored PHC `hash`; a malformed hash never matches.
pub(crate) async fn verify(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|h| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &h)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_differ_per_salt() {
        let a = hash("correct horse battery".into()).await.expect("hash");
        let b = hash("correct horse battery".into()).await.expect("hash");
        assert_ne!(a, b);
        assert!(a.starts_with("$argon2id$"));
        assert!(verify("correct horse battery".into(), a.clone()).await);
        assert!(!verify("wrong horse battery".into(), a).await);
        assert!(!verify("x".into(), "not a hash".into()).await);
    }

    #[test]
    fn the_dummy_hash_costs_what_a_real_one_costs() {
        let dummy = PasswordHash::new(DUMMY_HASH).expect("PHC string");
        let params = argon2::Params::try_from(&dummy).expect("params");
        let default = argon2::Params::default();
        assert_eq!(
            (params.m_cost(), params.t_cost(), params.p_cost()),
            (default.m_cost(), default.t_cost(), default.p_cost())
        );
        assert_eq!(
            params.output_len(),
            Some(argon2::Params::DEFAULT_OUTPUT_LEN)
        );
        assert_eq!(dummy.algorithm, argon2::Algorithm::Argon2id.ident());
    }

    #[test]
    fn rules_name_the_problem() {
        assert!(weakness("short").is_some());
        assert!(weakness("aaaaaaaaaaaaaaaa").is_some());
        assert!(weakness(&"ab".repeat(200)).is_some());
        assert!(weakness("copier-fax-2026").is_none());
    }
}
