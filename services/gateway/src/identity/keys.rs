//! Where the access-token signing keys come from: never the gateway's database (a copy
//! of the database must not let anyone mint tokens). In production a Kubernetes Secret,
//! mounted as a file or passed in the environment; on one machine (`aftercare up`) a key
//! file generated on first start, readable by its owner only.
use std::path::{Path, PathBuf};

use super::tokens::{SigningKey, generate_key_line, parse_keys};

/// The key set's source (documented in the configuration table).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigningKeySource {
    /// The key set itself (`AFTERCARE_JWT_SIGNING_KEY`).
    Text(String),
    /// A file holding the key set that must exist (`AFTERCARE_JWT_SIGNING_KEY_FILE`,
    /// e.g. a mounted Secret): a missing Secret must not become a key of this pod alone.
    File(PathBuf),
    /// A file created with one random key (mode 0600) when missing: the out-of-the-box
    /// default under the data directory.
    Generated(PathBuf),
}

impl SigningKeySource {
    /// The key set, read (and made, for [`SigningKeySource::Generated`]) now. Errors name
    /// the setting and the file, never a secret.
    pub(crate) fn load(&self) -> Result<Vec<SigningKey>, String> {
        match self {
            SigningKeySource::Text(text) => {
                parse_keys(text).map_err(|e| format!("AFTERCARE_JWT_SIGNING_KEY: {e}"))
            }
            SigningKeySource::File(path) => read(path),
            SigningKeySource::Generated(path) => {
                if !path.exists() {
                    create(path)?;
                }
                read(path)
            }
        }
    }
}

fn read(path: &Path) -> Result<Vec<SigningKey>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "AFTERCARE_JWT_SIGNING_KEY_FILE: cannot read {}: {e}",
            path.display()
        )
    })?;
    parse_keys(&text).map_err(|e| format!("AFTERCARE_JWT_SIGNING_KEY_FILE {}: {e}", path.display()))
}

/// Writes a new key file readable by its owner only; when another process made it first,
/// theirs is kept.
fn create(path: &Path) -> Result<(), String> {
    use std::io::Write;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = match options.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(()),
        Err(e) => return Err(format!("creating {}: {e}", path.display())),
    };
    let line = generate_key_line()?;
    writeln!(
        file,
        "# Access-token signing keys: the first signs, every key listed verifies.\n{line}"
    )
    .and_then(|()| file.sync_all())
    .map_err(|e| format!("writing {}: {e}", path.display()))?;
    tracing::info!(path = %path.display(), "created an access-token signing key");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_key_file_is_made_once_and_readable_by_its_owner_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("keys/gateway-signing.key");
        let source = SigningKeySource::Generated(path.clone());
        let first = source.load().expect("generated");
        let again = source.load().expect("read back");
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].kid, again[0].kid, "made once, then kept");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_configured_file_must_exist_and_text_must_parse() {
        let dir = tempfile::tempdir().expect("tempdir");
        let missing = SigningKeySource::File(dir.path().join("absent"));
        assert!(missing.load().expect_err("missing").contains("cannot read"));
        assert!(!dir.path().join("absent").exists(), "never generated");
        let bad = SigningKeySource::Text("k=too-short".into());
        let e = bad.load().expect_err("short");
        assert!(e.contains("AFTERCARE_JWT_SIGNING_KEY") && !e.contains("too-short"));
        let ok = SigningKeySource::Text("k2=0123456789abcdef0123456789abcdef".into());
        assert_eq!(ok.load().expect("text")[0].kid, "k2");
    }
}
