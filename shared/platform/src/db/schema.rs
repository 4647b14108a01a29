//! A service's schema from one source: its `migrations/` tree, embedded at compile time by
//! the crate's build script (`aftercare_build::embed_migrations`).
//!
//! Most migrations are one file for both backends (`migrations/<version>_<name>.sql`); the
//! few whose SQL must differ are `migrations/sqlite/<name>.sql` and
//! `migrations/postgres/<name>.sql`. The SQL of each backend is exactly what sqlx's
//! `migrate!` embedded before the tree was merged, so the checksums that deployed databases
//! keep in `_sqlx_migrations` still match; `migrations/checksums.txt` lists them and
//! [`Migrations::problems`] holds the tree to that list.
use std::borrow::Cow;
use std::collections::BTreeMap;

use sqlx::SqlStr;
use sqlx::migrate::{Migration, MigrationType, Migrator};

use super::Backend;

/// One migration of the tree, as the build script found it.
#[derive(Debug, Clone, Copy)]
pub struct MigrationFile {
    /// The number before the first `_` of the file name.
    pub version: i64,
    /// The rest of the file name with `_` as spaces, as sqlx stores it.
    pub description: &'static str,
    /// The SQL for each backend.
    pub sql: MigrationSql,
}

/// A migration's SQL: the same on both backends, or one text per backend where the
/// dialects differ.
#[derive(Debug, Clone, Copy)]
pub enum MigrationSql {
    /// `migrations/<name>.sql`, run on both backends.
    Shared(&'static str),
    /// `migrations/sqlite/<name>.sql` and `migrations/postgres/<name>.sql`.
    PerBackend {
        /// The SQLite text.
        sqlite: &'static str,
        /// The PostgreSQL text.
        postgres: &'static str,
    },
}

impl MigrationSql {
    /// The text that runs on `backend`.
    pub fn for_backend(&self, backend: Backend) -> &'static str {
        match (*self, backend) {
            (MigrationSql::Shared(sql), _) => sql,
            (MigrationSql::PerBackend { sqlite, .. }, Backend::Sqlite) => sqlite,
            (MigrationSql::PerBackend { postgres, .. }, Backend::Postgres) => postgres,
        }
    }
}

/// A crate's migrations and the checksums deployed databases hold for them.
#[derive(Debug, Clone, Copy)]
pub struct Migrations {
    /// Every migration in version order.
    pub files: &'static [MigrationFile],
    /// `migrations/checksums.txt`: `backend version sha384 description` per line.
    pub checksums: &'static str,
}

/// Declares a service's `MIGRATIONS` from its `migrations/` tree, which the service's
/// build script embeds with `aftercare_build::embed_migrations()`.
#[macro_export]
macro_rules! service_migrations {
    () => {
        /// This service's migrations on both backends (from `migrations/`).
        pub const MIGRATIONS: $crate::db::Migrations = {
            use $crate::db::{MigrationFile, MigrationSql, Migrations};
            include!(concat!(env!("OUT_DIR"), "/migrations.rs"))
        };
    };
}

/// The platform's own tables (`outbox`, `inbox`, `number_series`), versions below 100.
pub(crate) const PLATFORM: Migrations = include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

impl Migrations {
    /// The sqlx migrations of this tree for `backend`, checksummed as sqlx does.
    pub fn for_backend(&self, backend: Backend) -> Vec<Migration> {
        self.files
            .iter()
            .map(|f| {
                let sql = f.sql.for_backend(backend);
                Migration::new(
                    f.version,
                    Cow::Borrowed(f.description),
                    MigrationType::Simple,
                    SqlStr::from_static(sql),
                    sql.starts_with("-- no-transaction"),
                )
            })
            .collect()
    }

    /// The platform's migrations followed by this service's, for `backend`.
    pub(crate) fn combined(&self, backend: Backend) -> Migrator {
        let mut all = PLATFORM.for_backend(backend);
        all.extend(self.for_backend(backend));
        Migrator::with_migrations(all)
    }

    /// What is wrong with the tree, empty when nothing: a backend-specific pair whose two
    /// texts are the same (it belongs in one shared file), and every difference between
    /// the effective SQL's checksums and `checksums.txt` (an applied migration edited or
    /// removed breaks the databases that ran it; a new one needs its line).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for f in self.files {
            if let MigrationSql::PerBackend { sqlite, postgres } = f.sql
                && sqlite == postgres
            {
                problems.push(format!(
                    "{} {}: the sqlite/ and postgres/ files are identical; make it one shared file",
                    f.version, f.description
                ));
            }
        }
        let mut listed: BTreeMap<(String, i64), (String, String)> = BTreeMap::new();
        for line in self.checksums.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.splitn(4, ' ');
            match (
                parts.next(),
                parts.next().map(str::parse::<i64>),
                parts.next(),
                parts.next(),
            ) {
                (Some(backend), Some(Ok(version)), Some(sum), Some(description)) => {
                    listed.insert(
                        (backend.to_owned(), version),
                        (sum.to_owned(), description.to_owned()),
                    );
                }
                _ => problems.push(format!("checksums.txt: unreadable line {line:?}")),
            }
        }
        for (backend, name) in [(Backend::Sqlite, "sqlite"), (Backend::Postgres, "postgres")] {
            for m in self.for_backend(backend) {
                let sum = hex(&m.checksum);
                match listed.remove(&(name.to_owned(), m.version)) {
                    None => problems.push(format!(
                        "a new migration: append to checksums.txt the line\n{name} {} {sum} {}",
                        m.version, m.description
                    )),
                    Some((listed_sum, listed_description)) => {
                        if listed_sum != sum {
                            problems.push(format!(
                                "{name} {} {}: the SQL changed after it was released; databases that ran it hold checksum {listed_sum}, the file now gives {sum}",
                                m.version, m.description
                            ));
                        }
                        if listed_description != m.description {
                            problems.push(format!(
                                "{name} {}: renamed from {listed_description:?} to {:?}",
                                m.version, m.description
                            ));
                        }
                    }
                }
            }
        }
        for ((backend, version), (_, description)) in listed {
            problems.push(format!(
                "{backend} {version} {description}: listed in checksums.txt but no longer in the tree; databases that ran it would refuse to start"
            ));
        }
        problems
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        use std::fmt::Write as _;
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_platform_tree_matches_its_released_checksums() {
        assert_eq!(PLATFORM.problems(), Vec::<String>::new());
        assert!(matches!(
            PLATFORM.files[0].sql,
            MigrationSql::PerBackend { .. }
        ));
    }

    #[test]
    fn an_edited_a_removed_and_an_unlisted_migration_are_named() {
        const FILES: &[MigrationFile] = &[
            MigrationFile {
                version: 100,
                description: "a",
                sql: MigrationSql::Shared("create table a (x integer);"),
            },
            MigrationFile {
                version: 101,
                description: "b",
                sql: MigrationSql::PerBackend {
                    sqlite: "select 1;",
                    postgres: "select 1;",
                },
            },
        ];
        let sum = hex(&Migration::new(
            100,
            Cow::Borrowed("a"),
            MigrationType::Simple,
            SqlStr::from_static("create table a (x integer);"),
            false,
        )
        .checksum);
        let good = format!("sqlite 100 {sum} a\npostgres 100 {sum} a\n");
        let tree = Migrations {
            files: &FILES[..1],
            checksums: Box::leak(good.clone().into_boxed_str()),
        };
        assert!(tree.problems().is_empty());
        let edited = good.replace(&sum, &"0".repeat(96));
        let tree = Migrations {
            files: &FILES[..1],
            checksums: Box::leak(edited.into_boxed_str()),
        };
        assert_eq!(tree.problems().len(), 2);
        let tree = Migrations {
            files: FILES,
            checksums: Box::leak(format!("{good}sqlite 99 ab gone\n").into_boxed_str()),
        };
        let problems = tree.problems();
        assert!(problems[0].contains("identical"), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("new migration")));
        assert!(problems.iter().any(|p| p.contains("no longer in the tree")));
    }
}
