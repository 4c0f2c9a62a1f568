//! The layering rules of docs/architecture.md, checked on the source so they cannot erode:
//! features never import each other, shared components never call the backend, and the
//! domain and i18n leaves stay free of the layers above them.
#![cfg(not(target_arch = "wasm32"))]

mod imports;

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

fn src(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir)
}

/// Every file under `dir` whose text contains one of `forbidden`, with what it contains.
fn offenders(dir: &str, forbidden: &[&str]) -> Vec<String> {
    rust_files(&src(dir))
        .into_iter()
        .flat_map(|file| {
            let text = fs::read_to_string(&file).unwrap();
            forbidden
                .iter()
                .filter(|f| text.contains(**f))
                .map(|f| format!("{} uses {f}", file.display()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn no_feature_imports_another_feature() {
    let features: Vec<String> = fs::read_dir(src("features"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(features.len() >= 2, "found features: {features:?}");
    let mut found = Vec::new();
    for feature in &features {
        let others: Vec<String> = features
            .iter()
            .filter(|f| *f != feature)
            .flat_map(|f| [format!("features::{f}"), format!("super::super::{f}")])
            .collect();
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        found.extend(offenders(&format!("features/{feature}"), &others));
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn shared_components_never_call_the_backend_or_features() {
    let found = offenders(
        "components",
        &["use_api", "crate::features", "crate::auth", "crate::app"],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_domain_is_plain_rust() {
    let found = offenders(
        "domain",
        &[
            "leptos",
            "web_sys",
            "wasm_bindgen",
            "crate::api",
            "crate::features",
        ],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn translations_know_nothing_of_the_layers_above() {
    let found = offenders(
        "i18n",
        &[
            "crate::api",
            "crate::auth",
            "crate::features",
            "crate::app",
            "crate::components",
        ],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn only_the_api_layer_speaks_http() {
    let mut found = Vec::new();
    for dir in ["app", "auth", "components", "domain", "features", "i18n"] {
        found.extend(offenders(
            dir,
            &["gloo_net", "web_sys::Request", "fetch_with"],
        ));
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// The chat widget also ships on host pages outside the portal (`mount_chat`): it must not need
/// the portal's router or app layer, only what any mount provides.
#[test]
fn the_chat_feature_needs_no_router_and_no_app_layer() {
    let found = offenders(
        "features/chat",
        &["use_router", "use_route_param", "use_query", "crate::app"],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_api_layer_knows_nothing_of_the_ui() {
    let found = offenders(
        "api",
        &[
            "crate::components",
            "crate::features",
            "crate::auth",
            "crate::app",
        ],
    );
    assert!(found.is_empty(), "{found:#?}");
}

/// A loop of imports makes two modules one: neither can change or be understood alone.
#[test]
fn no_module_of_the_app_or_the_backend_imports_itself_through_others() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found: Vec<(&str, Vec<String>)> = ["src", "backend/src", "contract/src"]
        .into_iter()
        .flat_map(|tree| {
            let graph = imports::graph(&root.join(tree));
            imports::cycles(&graph)
                .into_iter()
                .map(|cycle| (tree, imports::explain(&graph, &cycle)))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(found.is_empty(), "import cycles: {found:#?}");
}

/// The chat widget for host pages is a wasm of its own with a budget of 60 KB: neither it nor the
/// core it shares with the portal (`client/`) may depend on Leptos, the portal or its HTTP
/// library, and the chat's rules there stay plain Rust.
#[test]
fn the_chat_widget_and_the_shared_client_need_neither_leptos_nor_the_portal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for manifest in ["client/Cargo.toml", "widget/Cargo.toml"] {
        let text = fs::read_to_string(root.join(manifest)).unwrap();
        let dependencies = text.split("[dependencies]").nth(1).unwrap_or_default();
        for forbidden in ["leptos", "support-portal", "gloo"] {
            if dependencies.contains(forbidden) {
                found.push(format!("{manifest} depends on {forbidden}"));
            }
        }
    }
    for rules in [
        "client/src/chat.rs",
        "client/src/outbox.rs",
        "client/src/ids.rs",
    ] {
        let text = fs::read_to_string(root.join(rules)).unwrap();
        if text.contains("web_sys") || text.contains("wasm_bindgen") {
            found.push(format!("{rules} uses the browser"));
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
