//! Embeds the web console (`services/console/dist`, built by `npm run build`) into the
//! gateway, so the one `aftercare` binary serves it at `/`. When the console was not built
//! the gateway still builds, and `/` explains how to build it. Also embeds the gateway's
//! migrations (`migrations/`).
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() -> Result<(), aftercare_build::BuildError> {
    let dist = std::env::var_os("AFTERCARE_CONSOLE_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("..")
                .join("console")
                .join("dist")
        });
    println!("cargo:rerun-if-env-changed=AFTERCARE_CONSOLE_DIST");
    println!("cargo:rerun-if-changed={}", dist.display());
    let mut files = Vec::new();
    if dist.join("index.html").is_file() {
        collect(&dist, &dist, &mut files);
    }
    files.sort();
    let mut out = String::from(
        "/// The console's files: (path below `/`, content).\npub(crate) static ASSETS: &[(&str, &[u8])] = &[\n",
    );
    for (rel, abs) in &files {
        println!("cargo:rerun-if-changed={}", abs.display());
        let _ = writeln!(
            out,
            "    ({rel:?}, include_bytes!({:?})),",
            abs.display().to_string()
        );
    }
    out.push_str("];\n");
    let target = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo"))
        .join("console_assets.rs");
    std::fs::write(target, out).expect("writing the console asset table");
    aftercare_build::embed_migrations()
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(root, &path, files);
        } else if let Ok(rel) = path.strip_prefix(root) {
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            let abs = path.canonicalize().unwrap_or(path.clone());
            files.push((rel, abs));
        }
    }
}
