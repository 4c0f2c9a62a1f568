//! The import graph of a crate's modules, read from its source: which module names which. A
//! module is a file (`users/mod.rs` is `users`, `users/invitations.rs` is `users::invitations`).
//! A parent naming its own children (`mod x; pub use x::Page;`) composes them and is no import;
//! everything else is: a child using its parent, siblings, and modules in other folders.
//!
//! A loop is looked for among files, and among the parts of every folder, each part taken whole
//! with what it contains: `auth` using `users` while `users::invitations` uses `auth` is a loop
//! between `auth` and `users` though no single file imports itself.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Module path (`users::invitations`, `""` for the crate root) → the modules it imports.
pub type Graph = BTreeMap<String, BTreeSet<String>>;

/// The graph of the crate whose root file (`lib.rs`) is in `src`.
pub fn graph(src: &Path) -> Graph {
    let mut files = BTreeMap::new();
    collect(src, src, &mut files);
    let modules: BTreeSet<String> = files.keys().cloned().collect();
    let mut graph = Graph::new();
    for (module, text) in &files {
        let targets = referenced_paths(text)
            .into_iter()
            .filter_map(|path| resolve(module, &path, &modules))
            .filter(|target| target != module && !is_within(target, module))
            .collect();
        graph.insert(module.clone(), targets);
    }
    graph
}

/// Every loop: among files, and among the parts of each folder (`a::b` stands for itself and
/// all of `a::b::*`). Each loop is the sorted list of its members.
pub fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    let mut found = loops(graph);
    let folders: BTreeSet<String> = graph.keys().map(|m| parent(m).to_string()).collect();
    for folder in folders {
        let part = |m: &str| -> Option<String> {
            let rest = if folder.is_empty() {
                m
            } else {
                m.strip_prefix(&format!("{folder}::"))?
            };
            let first = rest.split("::").next()?;
            Some(if folder.is_empty() {
                first.to_string()
            } else {
                format!("{folder}::{first}")
            })
        };
        let mut collapsed = Graph::new();
        for (from, targets) in graph {
            let Some(a) = part(from) else { continue };
            for to in targets {
                if let Some(b) = part(to).filter(|b| *b != a) {
                    collapsed.entry(a.clone()).or_default().insert(b);
                }
            }
        }
        for l in loops(&collapsed) {
            if !found.contains(&l) {
                found.push(l);
            }
        }
    }
    found
}

/// The imports that make `cycle` a loop: `from -> to` for each file that imports another member.
pub fn explain(graph: &Graph, cycle: &[String]) -> Vec<String> {
    let member = |m: &str| cycle.iter().find(|c| is_within(m, c)).cloned();
    let mut out = Vec::new();
    for (from, targets) in graph {
        let Some(a) = member(from) else { continue };
        for to in targets {
            if member(to).is_some_and(|b| b != a) {
                out.push(format!("{from} -> {to}"));
            }
        }
    }
    out
}

/// The folder a module is in (`""` for the crate root's parts).
fn parent(module: &str) -> &str {
    module.rfind("::").map_or("", |i| &module[..i])
}

/// The strongly connected groups of two or more in `graph`.
fn loops(graph: &Graph) -> Vec<Vec<String>> {
    // Tarjan's algorithm, iterative enough for a source tree's depth.
    struct State<'g> {
        graph: &'g Graph,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.found.push(group);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.found
}

fn collect(root: &Path, dir: &Path, files: &mut BTreeMap<String, String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(root, &path, files);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(root).unwrap().with_extension("");
        // Tests may use anything: they are not part of the layering.
        if rel.components().any(|c| c.as_os_str() == "tests") {
            continue;
        }
        let mut parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        match parts.last().map(String::as_str) {
            Some("lib") if parts.len() == 1 => parts.clear(),
            // `main.rs` is another crate that uses this one by name.
            Some("main") if parts.len() == 1 => continue,
            Some("mod") => {
                parts.pop();
            }
            _ => {}
        }
        let text = fs::read_to_string(&path).unwrap();
        let code = match text.find("#[cfg(test)]\nmod tests") {
            Some(at) => text[..at].to_string(),
            None => text,
        };
        files.insert(parts.join("::"), code);
    }
}

/// Whether `inner` is `outer` or lies inside it.
fn is_within(inner: &str, outer: &str) -> bool {
    outer.is_empty() || inner == outer || inner.starts_with(&format!("{outer}::"))
}

/// The paths a file names that start at `crate`, `super` or `self`: those in `use` items
/// (braces expanded) and those written inline.
fn referenced_paths(text: &str) -> Vec<String> {
    let code: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut paths = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().last();
        let tail = &rest[at + 4..];
        let end = tail.find(';').unwrap_or(tail.len());
        if before.is_none_or(|c| !c.is_alphanumeric() && c != '_') {
            expand(
                "",
                &tail[..end].replace(char::is_whitespace, ""),
                &mut paths,
            );
        }
        rest = &tail[end.min(tail.len())..];
    }
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(start) {
            let begin = from + at;
            let before = code[..begin].chars().last();
            let path: String = code[begin..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            if before.is_none_or(|c| !c.is_alphanumeric() && c != '_' && c != ':') {
                paths.push(path.trim_end_matches(':').to_string());
            }
            from = begin + start.len();
        }
    }
    paths
}

/// Expands `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let Some(open) = tree.find('{') else {
        out.push(format!("{prefix}{tree}"));
        return;
    };
    let head = format!("{prefix}{}", &tree[..open]);
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&head, &inner[start..i], out);
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < inner.len() {
        expand(&head, &inner[start..], out);
    }
}

/// The module a path names, from inside `module`: the longest prefix that is a module file.
fn resolve(module: &str, path: &str, modules: &BTreeSet<String>) -> Option<String> {
    let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<&str> = match segments.first()? {
        &"crate" => {
            segments.remove(0);
            Vec::new()
        }
        &"super" | &"self" => {
            let mut base: Vec<&str> = module.split("::").filter(|s| !s.is_empty()).collect();
            while let Some(&s) = segments.first() {
                match s {
                    "super" => {
                        base.pop()?;
                    }
                    "self" => {}
                    _ => break,
                }
                segments.remove(0);
            }
            base
        }
        _ => return None,
    };
    let mut found = base.join("::");
    for s in segments {
        base.push(s);
        let candidate = base.join("::");
        if !modules.contains(&candidate) {
            break;
        }
        found = candidate;
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph_of(files: &[(&str, &str)]) -> Graph {
        let dir = std::env::temp_dir().join(format!("imports-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        for (path, text) in files {
            let file = dir.join(path);
            fs::create_dir_all(file.parent().unwrap()).unwrap();
            fs::write(file, text).unwrap();
        }
        let g = graph(&dir);
        fs::remove_dir_all(&dir).unwrap();
        g
    }

    #[test]
    fn the_checker_finds_a_loop_between_folders_and_ignores_a_parent_composing_its_children() {
        let g = graph_of(&[
            ("lib.rs", "pub mod auth; pub mod users;"),
            ("auth.rs", "use crate::users::{self, invite::Token};"),
            (
                "users/mod.rs",
                "mod invite; pub use invite::Token; fn f() { invite::make(); }",
            ),
            (
                "users/invite.rs",
                "use super::super::auth::hash; use super::Row;",
            ),
        ]);
        assert_eq!(
            g["auth"],
            BTreeSet::from(["users".into(), "users::invite".into()])
        );
        assert_eq!(
            cycles(&g),
            [
                vec!["auth".to_string(), "users::invite".to_string()],
                vec!["auth".to_string(), "users".to_string()]
            ]
        );
        let through_a_folder = graph_of(&[
            ("lib.rs", "pub mod auth; pub mod users;"),
            ("auth.rs", "fn f() { crate::users::touch(); }"),
            ("users/mod.rs", "mod invite;"),
            ("users/invite.rs", "use crate::auth::hash;"),
        ]);
        assert_eq!(
            cycles(&through_a_folder),
            [vec!["auth".to_string(), "users".to_string()]]
        );
        let fine = graph_of(&[
            ("lib.rs", "pub mod a;"),
            ("a/mod.rs", "mod b; pub use b::B; use self::b::C;"),
            ("a/b.rs", "use super::Shared; use crate::a::Other;"),
        ]);
        assert!(cycles(&fine).is_empty(), "{fine:?}");
    }
}
