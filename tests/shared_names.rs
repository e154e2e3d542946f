//! The names the app shares with its loader and the end-to-end tests are typed in one file,
//! `src/shared-names.json` (see `src/names.rs`): nothing else may type them again.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use cchc_2021::names::{ACTIVE_KEY, BACKUP_PREFIX, DATA_KEY, UPDATED_EVENT, UPDATED_FLAG};

const NAMES: [&str; 5] = [
    DATA_KEY,
    ACTIVE_KEY,
    BACKUP_PREFIX,
    UPDATED_FLAG,
    UPDATED_EVENT,
];

/// Users' data is saved under these keys: a new value would lose it.
#[test]
fn the_storage_keys_never_change() {
    assert_eq!(
        [DATA_KEY, ACTIVE_KEY, BACKUP_PREFIX],
        ["cchc2021:data", "cchc2021:active", "cchc2021:backup:"]
    );
}

fn code_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        // Build output (the benchmark's builds in bench/out, installed packages) is not code.
        let generated = path
            .file_name()
            .is_some_and(|name| name == "out" || name == "node_modules" || name == "dist");
        if path.is_dir() && generated {
            continue;
        }
        if path.is_dir() {
            code_files(&path, found);
        } else if path
            .extension()
            .is_some_and(|e| e == "rs" || e == "mjs" || e == "js")
        {
            found.push(path);
        }
    }
}

#[test]
fn no_code_types_a_shared_name_but_the_shared_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "scripts", "tests", "bench"] {
        code_files(&root.join(dir), &mut files);
    }
    let this = root.join(file!());
    let typed: Vec<String> = files
        .iter()
        .filter(|path| **path != this)
        .flat_map(|path| {
            let text = fs::read_to_string(path).unwrap_or_default();
            NAMES
                .iter()
                .filter(move |name| text.contains(**name))
                .map(move |name| format!("{} types {name}", path.display()))
        })
        .collect();
    assert!(typed.is_empty(), "{typed:#?}");
}
