//! Password hashing (argon2id, PHC strings) and the password rules.
use std::sync::{Arc, Mutex};
use std::time::Duration;

use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::ApiError;

/// The argon2id hash, with the default parameters, of a random password nobody knows:
/// verified when a login does not exist, so an unknown login costs the same time as a
/// wrong password and timing does not reveal which logins exist.
pub(crate) const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$b1jcy+aGS/iSclqxqn1D7w$2yhcZFDEpUdr/erAXzRKy+Pt+/f/DItCNUWUpDEZ/Kg";

/// Memory one argon2id hash with the default parameters takes, in MiB (m = 19 MiB).
pub(crate) const HASH_MEMORY_MIB: usize = 19;
/// Longest a request waits for a hashing slot before it is answered 503.
const SLOT_WAIT: Duration = Duration::from_secs(2);

/// Argon2 working memory for one hash.
type Memory = Vec<Block>;

/// Slots for argon2 hashing. Each hash needs [`HASH_MEMORY_MIB`] of working memory, so
/// concurrent sign-ins without a bound would take the process past its memory limit.
/// The number of slots is the configured memory budget divided by that, and each slot's
/// working memory is allocated once and reused: the allocator never sees a hash's
/// memory come and go, so it cannot keep freed copies around either. A request that
/// finds no slot within [`SLOT_WAIT`] is answered 503 with `Retry-After`.
#[derive(Clone)]
pub(crate) struct Hashing {
    slots: Arc<Semaphore>,
    memory: Arc<Mutex<Vec<Memory>>>,
}

/// A hashing slot with its working memory, held until the hash is computed (even when
/// the request is gone); the memory goes back to the pool when it is dropped.
pub(crate) struct Slot {
    _permit: OwnedSemaphorePermit,
    memory: Memory,
    pool: Arc<Mutex<Vec<Memory>>>,
}

impl Slot {
    /// At least `blocks` blocks of working memory (the pool's size for default
    /// parameters; a stored hash with larger ones grows this slot's memory).
    fn memory(&mut self, blocks: usize) -> &mut [Block] {
        if self.memory.len() < blocks {
            self.memory.resize(blocks, Block::default());
        }
        &mut self.memory[..blocks]
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let memory = std::mem::take(&mut self.memory);
        self.pool
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(memory);
    }
}

impl Hashing {
    /// As many slots as `budget_mib` holds hashes, at least one.
    pub(crate) fn new(budget_mib: usize) -> Self {
        Self {
            slots: Arc::new(Semaphore::new(Self::slots_for(budget_mib))),
            memory: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// Concurrent hashes a memory budget allows.
    pub(crate) fn slots_for(budget_mib: usize) -> usize {
        (budget_mib / HASH_MEMORY_MIB).max(1)
    }

    /// Waits briefly for a slot; 503 with `Retry-After` when every slot stays busy.
    pub(crate) async fn slot(&self) -> Result<Slot, ApiError> {
        match tokio::time::timeout(SLOT_WAIT, self.slots.clone().acquire_owned()).await {
            Ok(Ok(permit)) => {
                let memory = self
                    .memory
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .pop()
                    .unwrap_or_default();
                Ok(Slot {
                    _permit: permit,
                    memory,
                    pool: self.memory.clone(),
                })
            }
            _ => Err(ApiError::Busy(
                "too many sign-ins at once; retry in a moment".into(),
            )),
        }
    }
}

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

/// Hashes `password` with argon2id in `slot`; CPU-heavy, so it runs off the async threads.
pub(crate) async fn hash(password: String, mut slot: Slot) -> Result<String, String> {
    tokio::task::spawn_blocking(move || {
        let salt = salt()?;
        let params = Params::default();
        let mut salt_bytes = [0u8; 64];
        let salt_bytes = salt
            .as_salt()
            .decode_b64(&mut salt_bytes)
            .map_err(|e| e.to_string())?;
        let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
        Argon2::default()
            .hash_password_into_with_memory(
                password.as_bytes(),
                salt_bytes,
                &mut out,
                slot.memory(params.block_count()),
            )
            .map_err(|e| e.to_string())?;
        let phc = PasswordHash {
            algorithm: Algorithm::Argon2id.ident(),
            version: Some(Version::V0x13.into()),
            params: ParamsString::try_from(&params).map_err(|e| e.to_string())?,
            salt: Some(salt.as_salt()),
            hash: Some(Output::new(&out).map_err(|e| e.to_string())?),
        };
        Ok(phc.to_string())
    })
    .await
    .map_err(|e| e.to_string())?
}

/// Whether `password` matches the stored PHC `hash` (computed in `slot`); a malformed
/// hash never matches.
pub(crate) async fn verify(password: String, hash: String, mut slot: Slot) -> bool {
    tokio::task::spawn_blocking(move || matches(&password, &hash, &mut slot).unwrap_or(false))
        .await
        .unwrap_or(false)
}

fn matches(password: &str, hash: &str, slot: &mut Slot) -> Option<bool> {
    let stored = PasswordHash::new(hash).ok()?;
    let algorithm = Algorithm::try_from(stored.algorithm).ok()?;
    let version = match stored.version {
        Some(v) => Version::try_from(v).ok()?,
        None => Version::default(),
    };
    let params = Params::try_from(&stored).ok()?;
    let expected = stored.hash?;
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = stored.salt?.decode_b64(&mut salt_bytes).ok()?;
    let mut out = vec![0u8; expected.len()];
    let blocks = params.block_count();
    Argon2::new(algorithm, version, params)
        .hash_password_into_with_memory(
            password.as_bytes(),
            salt_bytes,
            &mut out,
            slot.memory(blocks),
        )
        .ok()?;
    // `Output` compares in constant time.
    Some(Output::new(&out).ok()? == expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_differ_per_salt() {
        let h = Hashing::new(64);
        let slot = || async { h.slot().await.expect("slot") };
        let a = hash("correct horse battery".into(), slot().await)
            .await
            .expect("hash");
        let b = hash("correct horse battery".into(), slot().await)
            .await
            .expect("hash");
        assert_ne!(a, b);
        assert!(a.starts_with("$argon2id$"));
        assert!(verify("correct horse battery".into(), a.clone(), slot().await).await);
        assert!(!verify("wrong horse battery".into(), a.clone(), slot().await).await);
        assert!(!verify("x".into(), "not a hash".into(), slot().await).await);
        // Hashes made by the library's own hasher (stored before) still verify, and ours
        // verify with the library's verifier.
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let salt = SaltString::encode_b64(&[7u8; 16]).expect("salt");
        let theirs = Argon2::default()
            .hash_password(b"copier-fax-2026", &salt)
            .expect("hash")
            .to_string();
        assert!(verify("copier-fax-2026".into(), theirs, slot().await).await);
        let parsed = PasswordHash::new(&a).expect("PHC");
        assert!(
            Argon2::default()
                .verify_password(b"correct horse battery", &parsed)
                .is_ok()
        );
    }

    #[test]
    fn the_memory_budget_sets_the_slots() {
        assert_eq!(
            HASH_MEMORY_MIB as u32,
            argon2::Params::DEFAULT_M_COST / 1024
        );
        assert_eq!(Hashing::slots_for(64), 3);
        assert_eq!(Hashing::slots_for(0), 1, "at least one");
        assert_eq!(Hashing::slots_for(190), 10);
    }

    #[tokio::test]
    async fn a_busy_hasher_answers_503_with_retry_after() {
        let h = Hashing::new(1);
        let held = h.slot().await.expect("the one slot");
        let e = h.slot().await.err().expect("no second slot");
        assert!(matches!(e, ApiError::Busy(_)));
        drop(held);
        assert!(h.slot().await.is_ok());
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
