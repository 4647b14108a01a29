//! Password hashing (argon2id, PHC strings) and the password rules.
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

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
    fn rules_name_the_problem() {
        assert!(weakness("short").is_some());
        assert!(weakness("aaaaaaaaaaaaaaaa").is_some());
        assert!(weakness(&"ab".repeat(200)).is_some());
        assert!(weakness("copier-fax-2026").is_none());
    }
}
