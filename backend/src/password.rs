//! Password hashing (Argon2id, PHC strings) and constant-shape verification.

use std::sync::{Mutex, OnceLock};

use argon2::password_hash::{Output, PasswordHash, PasswordHasher, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use tokio::sync::Semaphore;

/// Hashes a password into a PHC string with a fresh random salt.
pub fn hash(password: &str) -> String {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).expect("the operating system has no random source");
    let salt = SaltString::encode_b64(&salt).expect("16 bytes is a valid salt");
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 accepts any password with default parameters")
        .to_string()
}

/// Checks a password against a stored hash. Without a hash (unknown email, invited user) it
/// still runs one full verification against a dummy hash, so the answer takes as long either way
/// and timing does not tell which emails exist.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    let (phc, real) = match stored {
        Some(s) => (s, true),
        None => (dummy_hash(), false),
    };
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    let ok = with_memory(|blocks| recompute(password, &parsed, blocks)).unwrap_or(false);
    ok && real
}

/// Whether `password` hashes to `parsed`'s output, with `parsed`'s algorithm, version, parameters
/// and salt (as `PasswordVerifier::verify_password` does), in `blocks`; `None` when the stored
/// hash cannot be used.
fn recompute(password: &str, parsed: &PasswordHash<'_>, blocks: &mut Vec<Block>) -> Option<bool> {
    let (salt, expected) = (parsed.salt?, parsed.hash?);
    let algorithm = Algorithm::try_from(parsed.algorithm).ok()?;
    let version = match parsed.version {
        Some(v) => Version::try_from(v).ok()?,
        None => Version::default(),
    };
    let params = Params::try_from(parsed).ok()?;
    let mut salt_bytes = [0u8; 64];
    let salt = salt.decode_b64(&mut salt_bytes).ok()?;
    blocks.resize(params.block_count(), Block::default());
    let argon2 = Argon2::new(algorithm, version, params);
    let computed = Output::init_with(expected.len(), |out| {
        Ok(argon2.hash_password_into_with_memory(password.as_bytes(), salt, out, &mut *blocks)?)
    })
    .ok()?;
    // `Output`'s equality is constant-time.
    Some(computed == expected)
}

/// Runs `work` with Argon2's working memory (19 MiB at the default parameters) taken from a
/// pool and given back after: a sign-in allocates none. At most as many buffers exist as
/// verifications ever ran at once ([`off_the_workers`] keeps that to the cores). Allocating and
/// freeing 19 MiB a sign-in instead left the freed memory with the allocator: the backend
/// grew to about 1 GiB after 200 sign-ins (`make load`).
fn with_memory<T>(work: impl FnOnce(&mut Vec<Block>) -> T) -> T {
    static MEMORY: Mutex<Vec<Vec<Block>>> = Mutex::new(Vec::new());
    let pool = || MEMORY.lock().unwrap_or_else(|p| p.into_inner());
    let mut blocks = pool().pop().unwrap_or_default();
    let done = work(&mut blocks);
    pool().push(blocks);
    done
}

/// Runs Argon2 work ([`hash`], [`verify`]) on tokio's blocking threads, at most as many at once
/// as there are cores; `None` if it panicked. Each takes tens of milliseconds of CPU and
/// 19 MiB: more at once would finish no sooner and would hold more memory meanwhile.
pub async fn off_the_workers<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    static PERMITS: OnceLock<Semaphore> = OnceLock::new();
    let permits = PERMITS.get_or_init(|| {
        Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()))
    });
    let _permit = permits.acquire().await.ok()?;
    tokio::task::spawn_blocking(work).await.ok()
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash(&crate::tokens::random_token(24)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let h = hash("correct horse");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse", Some(&h)));
        assert!(!verify("wrong horse", Some(&h)));
    }

    #[test]
    fn verification_honours_the_stored_parameters_again_and_again() {
        // A hash made elsewhere with other parameters (and the crate's own verifier) still
        // verifies: the stored parameters are used, not the defaults.
        use argon2::password_hash::PasswordVerifier;
        let params = Params::new(1024, 1, 1, Some(16)).unwrap();
        let other = Argon2::new(Algorithm::Argon2i, Version::V0x10, params);
        let salt = SaltString::encode_b64(b"sixteen byte salt").unwrap();
        let stored = other
            .hash_password(b"pass phrase", &salt)
            .unwrap()
            .to_string();
        let parsed = PasswordHash::new(&stored).unwrap();
        assert!(other.verify_password(b"pass phrase", &parsed).is_ok());
        assert!(verify("pass phrase", Some(&stored)));
        assert!(!verify("pass phrasE", Some(&stored)));
        let h = hash("correct horse");
        for _ in 0..3 {
            assert!(verify("correct horse", Some(&h)));
        }
    }

    #[test]
    fn no_stored_hash_never_verifies() {
        assert!(!verify("", None));
        assert!(!verify("anything", None));
        assert!(!verify("anything", Some("not a phc string")));
    }
}
