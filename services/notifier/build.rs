//! Embeds the notifier's migrations (`migrations/`) into the crate.
fn main() -> Result<(), aftercare_build::BuildError> {
    aftercare_build::embed_migrations()
}
