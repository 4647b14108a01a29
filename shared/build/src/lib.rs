//! What the services' build scripts share.
//!
//! [`embed_migrations`] turns a crate's `migrations/` tree into a generated Rust file that
//! `aftercare_platform::service_migrations!()` includes, so every migration is compiled
//! into the binary and a file added to the tree rebuilds the crate.
//!
//! The tree has one rule: a migration is `migrations/<version>_<description>.sql`, the same
//! SQL on SQLite and PostgreSQL; only when the SQL must differ, it is
//! `migrations/sqlite/<name>.sql` **and** `migrations/postgres/<name>.sql` instead (never a
//! shared file and a backend file for the same version).

use std::collections::BTreeMap;
use std::fmt;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Why a migration tree cannot be embedded; shown as the build's error.
pub struct BuildError(String);

impl fmt::Debug for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BuildError {}

/// The two backends' override folders inside `migrations/`.
const BACKENDS: [&str; 2] = ["sqlite", "postgres"];

/// One migration as found in the tree: shared, or one file per backend.
#[derive(Debug, PartialEq, Eq)]
enum Source {
    Shared(PathBuf),
    PerBackend { sqlite: PathBuf, postgres: PathBuf },
}

/// A migration's version, its description as sqlx derives it from the file name, and
/// where its SQL is.
#[derive(Debug, PartialEq, Eq)]
struct Entry {
    version: i64,
    description: String,
    source: Source,
}

/// For a build script: reads `$CARGO_MANIFEST_DIR/migrations`, checks the tree's rule and
/// writes `$OUT_DIR/migrations.rs`; asks Cargo to rerun when anything under `migrations/`
/// changes (a file added, removed or edited).
pub fn embed_migrations() -> Result<(), BuildError> {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .ok_or_else(|| BuildError("CARGO_MANIFEST_DIR is not set".into()))?;
    let out = std::env::var_os("OUT_DIR").ok_or_else(|| BuildError("OUT_DIR is not set".into()))?;
    let root = Path::new(&manifest).join("migrations");
    println!("cargo::rerun-if-changed=build.rs");
    // Cargo scans a folder named here whole, so `migrations/` covers its backend folders and a
    // backend folder added later. A path that does not exist would count as changed on every
    // build and rebuild the crate and everything that depends on it each time.
    println!("cargo::rerun-if-changed={}", root.display());
    let entries = scan(&root)?;
    let generated = render(&entries, &root.join("checksums.txt"));
    std::fs::write(Path::new(&out).join("migrations.rs"), generated)
        .map_err(|e| BuildError(format!("cannot write migrations.rs: {e}")))
}

/// `<version>_<description>.sql` → (version, description), as sqlx's `migrate!` reads it:
/// the description is the rest of the name with `_` as spaces.
fn parse_name(name: &str) -> Result<Option<(i64, String)>, BuildError> {
    let Some(stem) = name.strip_suffix(".sql") else {
        return Ok(None);
    };
    let Some((version, description)) = stem.split_once('_') else {
        return Err(BuildError(format!(
            "migration {name:?}: expected <version>_<description>.sql"
        )));
    };
    if description.ends_with(".up") || description.ends_with(".down") {
        return Err(BuildError(format!(
            "migration {name:?}: reversible migrations are not used here"
        )));
    }
    let version = version.parse::<i64>().map_err(|_| {
        BuildError(format!(
            "migration {name:?}: expected an integer version before the first _"
        ))
    })?;
    Ok(Some((version, description.replace('_', " "))))
}

/// The `.sql` files of one folder by version.
fn sql_files(dir: &Path) -> Result<BTreeMap<i64, (String, PathBuf)>, BuildError> {
    let mut found = BTreeMap::new();
    let read = match std::fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(found),
        Err(e) => return Err(BuildError(format!("cannot read {}: {e}", dir.display()))),
    };
    for entry in read {
        let entry = entry.map_err(|e| BuildError(format!("cannot read {}: {e}", dir.display())))?;
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((version, description)) = parse_name(&name)? else {
            continue;
        };
        if let Some((other, _)) = found.insert(version, (description, path.clone())) {
            return Err(BuildError(format!(
                "{}: version {version} appears twice ({other:?})",
                path.display()
            )));
        }
    }
    Ok(found)
}

/// Reads the tree and checks its rule.
fn scan(root: &Path) -> Result<Vec<Entry>, BuildError> {
    if let Ok(read) = std::fs::read_dir(root) {
        for entry in read.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.path().is_dir() && !BACKENDS.contains(&name.as_str()) {
                return Err(BuildError(format!(
                    "{}: only sqlite/ and postgres/ may hold backend files",
                    entry.path().display()
                )));
            }
        }
    }
    let shared = sql_files(root)?;
    let sqlite = sql_files(&root.join("sqlite"))?;
    let mut postgres = sql_files(&root.join("postgres"))?;
    let mut entries = Vec::new();
    for (version, (description, path)) in shared {
        if sqlite.contains_key(&version) || postgres.contains_key(&version) {
            return Err(BuildError(format!(
                "{}: version {version} is both shared and backend-specific; keep one",
                path.display()
            )));
        }
        entries.push(Entry {
            version,
            description,
            source: Source::Shared(path),
        });
    }
    for (version, (description, sqlite_path)) in sqlite {
        let Some((pg_description, pg_path)) = postgres.remove(&version) else {
            return Err(BuildError(format!(
                "{}: a SQLite-only file needs its postgres/ counterpart",
                sqlite_path.display()
            )));
        };
        if pg_description != description {
            return Err(BuildError(format!(
                "{} and {}: the two backends' files must have the same name",
                sqlite_path.display(),
                pg_path.display()
            )));
        }
        entries.push(Entry {
            version,
            description,
            source: Source::PerBackend {
                sqlite: sqlite_path,
                postgres: pg_path,
            },
        });
    }
    if let Some((_, (_, path))) = postgres.into_iter().next() {
        return Err(BuildError(format!(
            "{}: a PostgreSQL-only file needs its sqlite/ counterpart",
            path.display()
        )));
    }
    entries.sort_by_key(|e| e.version);
    Ok(entries)
}

/// The generated expression: a `Migrations` value naming `MigrationFile` and `MigrationSql`,
/// which the including scope brings into view.
fn render(entries: &[Entry], checksums: &Path) -> String {
    let mut s = String::from("// Generated by aftercare-build from migrations/; do not edit.\n");
    s.push_str("Migrations {\n    files: &[\n");
    for e in entries {
        let sql = match &e.source {
            Source::Shared(path) => format!(
                "MigrationSql::Shared(include_str!({:?}))",
                path.display().to_string()
            ),
            Source::PerBackend { sqlite, postgres } => format!(
                "MigrationSql::PerBackend {{ sqlite: include_str!({:?}), postgres: include_str!({:?}) }}",
                sqlite.display().to_string(),
                postgres.display().to_string()
            ),
        };
        let _ = writeln!(
            s,
            "        MigrationFile {{ version: {}, description: {:?}, sql: {sql} }},",
            e.version, e.description
        );
    }
    s.push_str("    ],\n");
    let _ = writeln!(
        s,
        "    checksums: include_str!({:?}),",
        checksums.display().to_string()
    );
    s.push_str("}\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[&str]) -> tempdir::Dir {
        let dir = tempdir::Dir::new();
        for f in files {
            let path = dir.0.join(f);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("mkdir");
            }
            std::fs::write(&path, format!("-- {f}\n")).expect("write");
        }
        dir
    }

    /// A throwaway directory without a dependency.
    mod tempdir {
        pub(super) struct Dir(pub(super) std::path::PathBuf);
        impl Dir {
            pub(super) fn new() -> Self {
                static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
                let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let path = std::env::temp_dir()
                    .join(format!("aftercare-build-{}-{n}", std::process::id()));
                let _ = std::fs::remove_dir_all(&path);
                std::fs::create_dir_all(&path).expect("mkdir");
                Self(path)
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    #[test]
    fn names_read_as_sqlx_reads_them() {
        assert_eq!(
            parse_name("0100_ticket_customer.sql").ok().flatten(),
            Some((100, "ticket customer".to_owned()))
        );
        assert_eq!(parse_name("checksums.txt").ok().flatten(), None);
        assert!(parse_name("ticket.sql").is_err());
        assert!(parse_name("x_ticket.sql").is_err());
        assert!(parse_name("0100_ticket.up.sql").is_err());
    }

    #[test]
    fn shared_and_per_backend_files_make_one_ordered_list() {
        let dir = tree(&[
            "0101_b.sql",
            "sqlite/0100_a.sql",
            "postgres/0100_a.sql",
            "checksums.txt",
        ]);
        let entries = scan(&dir.0).expect("valid tree");
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].version, 100);
        assert!(matches!(entries[0].source, Source::PerBackend { .. }));
        assert_eq!(entries[1].description, "b");
        assert!(matches!(entries[1].source, Source::Shared(_)));
        let rendered = render(&entries, &dir.0.join("checksums.txt"));
        assert!(rendered.contains("version: 100, description: \"a\""));
    }

    #[test]
    fn a_tree_breaking_the_rule_is_refused() {
        for files in [
            &["0100_a.sql", "postgres/0100_a.sql", "sqlite/0100_a.sql"][..],
            &["sqlite/0100_a.sql"],
            &["postgres/0100_a.sql"],
            &["sqlite/0100_a.sql", "postgres/0100_b.sql"],
            &["0100_a.sql", "0100_b.sql"],
            &["mysql/0100_a.sql"],
        ] {
            let dir = tree(files);
            assert!(scan(&dir.0).is_err(), "{files:?}");
        }
    }
}
