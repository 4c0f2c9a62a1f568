//! The backend's layout, kept from eroding: SQL lives in `store/`, never in a route file.

use std::fs;
use std::path::{Path, PathBuf};

/// What only SQL or the SQLite driver's query calls look like.
const SQL_MARKERS: &[&str] = &[
    "SELECT ",
    "INSERT INTO",
    "INSERT OR ",
    "UPDATE ",
    "DELETE FROM",
    "CREATE TABLE",
    "params!",
    "params_from_iter",
    ".execute(",
    ".execute_batch(",
    ".query_row(",
    ".query_map(",
    ".prepare(",
    ".prepare_cached(",
];

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// `file:line: marker` for every line of code (comments aside) under `dir` holding a marker.
fn offenders(dir: &Path, markers: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(dir, &mut files);
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for marker in markers.iter().filter(|m| code.contains(**m)) {
                found.push(format!("{}:{}: {marker}", file.display(), n + 1));
            }
        }
    }
    found
}

#[test]
fn no_route_file_holds_sql() {
    let routes = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/routes");
    let found = offenders(&routes, SQL_MARKERS);
    assert!(
        found.is_empty(),
        "SQL belongs in backend/src/store/ (a function per statement, called by the route): \
         {found:#?}"
    );
}

#[test]
fn the_sql_check_sees_a_query_and_ignores_comments() {
    let dir = std::env::temp_dir().join(format!("sp-layout-{}", crate::tokens::random_token(6)));
    fs::create_dir_all(dir.join("nested")).unwrap();
    fs::write(
        dir.join("nested/handler.rs"),
        "// SELECT in a comment is prose\nfn f(c: &C) { c.query_row(\"SELECT 1\", [], |r| r.get(0)); }\n",
    )
    .unwrap();
    let found = offenders(&dir, SQL_MARKERS);
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|f| f.contains("handler.rs:2")));
}
