//! The layers of docs/architecture.md, checked on the source: no module uses one above it (or
//! beside it), rusqlite is used only in store/, and egui/eframe only in ui/. The same rule
//! scripts/architecture.sh draws; here it fails the tests.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Layer of each top-level module; a module may use only modules of a lower layer.
fn layer(module: &str) -> Option<u8> {
    Some(match module {
        "ui" | "cli" => 6,
        "report" | "backup" | "forms" => 5,
        "evidence" => 4,
        "store" => 3,
        "notice" => 2,
        "model" => 1,
        "fsutil" | "clock" | "fonts" => 0,
        _ => return None,
    })
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// (module, file, its code without comments)
fn sources() -> Vec<(String, PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .filter_map(|f| {
            let rel = f.strip_prefix(&src).expect("under src");
            let first = rel.components().next()?.as_os_str().to_string_lossy().into_owned();
            let module = first.trim_end_matches(".rs").to_owned();
            let text = std::fs::read_to_string(&f).expect("readable");
            // Comments may name anything; code may not.
            let code: String =
                text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
            Some((module, f, code))
        })
        .collect()
}

fn used_modules(code: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
        if !name.is_empty() {
            used.insert(name);
        }
    }
    used
}

#[test]
fn no_module_uses_one_above_it() {
    let mut wrong = Vec::new();
    for (module, file, code) in sources() {
        let Some(own) = layer(&module) else { continue };
        for used in used_modules(&code) {
            // model/ is plain data: it uses nothing of duban at all.
            if used != module && (module == "model" || layer(&used).is_some_and(|l| l >= own)) {
                wrong.push(format!("{} uses crate::{used}", file.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layers (docs/architecture.md):\n{}", wrong.join("\n"));
}

#[test]
fn sql_stays_in_the_store_and_egui_in_the_window() {
    let mut wrong = Vec::new();
    for (module, file, code) in sources() {
        if module != "store" && code.contains("rusqlite") {
            wrong.push(format!("{} uses rusqlite", file.display()));
        }
        if module != "ui" && (code.contains("egui") || code.contains("eframe")) && !file.ends_with("main.rs")
        {
            wrong.push(format!("{} uses egui/eframe", file.display()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_check_itself_sees_an_upward_import() {
    // Guard against a check that passes because it reads nothing.
    assert!(sources().len() > 100, "the sources were found");
    let used = used_modules("use crate::store::Store;\nlet x = crate::model::Board::default();");
    assert_eq!(used.into_iter().collect::<Vec<_>>(), ["model", "store"]);
}
