//! Answer links: a customer answers by web with a random token; survey keeps only the
//! token's hash, so a leaked database does not leak working links.
use sha2::{Digest, Sha256};

/// Shortest and longest token a request may carry (a real one is 43 characters).
pub const TOKEN_LENGTH: (usize, usize) = (
    aftercare_contracts::survey::limits::TOKEN.min,
    aftercare_contracts::survey::limits::TOKEN.max,
);

/// The stored form of a token: its SHA-256, in lower-case hex.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_kept_as_its_sha256() {
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(token_hash("abc").len(), 64);
        assert_ne!(token_hash("abc"), token_hash("abd"));
    }
}
