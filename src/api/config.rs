//! Runtime configuration: one build can serve any backend that speaks the contract.

use gloo_net::http::Request;
use serde::Deserialize;

/// Where the backend is and where the app lives, read at start from `config.json` next to
/// `index.html`, or given by a host page that embeds the portal.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RuntimeConfig {
    /// Base URL of the contract, for example `/api/v1` or `https://support.example/api/v1`.
    pub api_base: String,
    /// Path prefix the app is served under, for example `` or `/support`.
    #[serde(default)]
    pub base_path: String,
    /// Where French and Spanish come from, as `fr=<url> es=<url>`, when the page does not name
    /// them (a host page: `scripts/embed.js` passes the build's files).
    #[serde(default)]
    pub texts: Option<String>,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig {
            api_base: "/api/v1".into(),
            base_path: String::new(),
            texts: None,
        }
    }
}

/// Makes the runtime configuration available to every component below.
pub fn provide_runtime_config(config: RuntimeConfig) {
    leptos::prelude::provide_context(config);
}

/// The runtime configuration; the defaults when none was provided (tests).
pub fn use_runtime_config() -> RuntimeConfig {
    leptos::prelude::use_context().unwrap_or_default()
}

/// Reads the configuration file that `index.html` preloads (`<link rel="preload" href=..>`),
/// so deep links under any path find the same file; the defaults serve the app next to its
/// backend.
pub async fn load_runtime_config() -> RuntimeConfig {
    let url = leptos::prelude::document()
        .query_selector("link[rel=preload][href$='config.json']")
        .ok()
        .flatten()
        .and_then(|link| link.get_attribute("href"))
        .unwrap_or_else(|| "/config.json".to_string());
    match Request::get(&url).send().await {
        Ok(resp) if resp.ok() => match resp.text().await {
            Ok(body) => super::from_json(&body).unwrap_or_default(),
            Err(_) => RuntimeConfig::default(),
        },
        _ => RuntimeConfig::default(),
    }
}

/// Fetches the texts of `locale` when this build keeps them out of the first load: the
/// configuration's `texts`, or else `index.html` names each language's file (`<meta
/// name="support-portal-texts" content="fr=/texts-fr-….txt es=…">`, written by
/// `scripts/build.mjs`). `None` when neither names one or it cannot be fetched: the portal
/// then stays in the language it shows.
pub async fn load_texts(
    locale: support_contract::Locale,
    config: &RuntimeConfig,
) -> Option<String> {
    let names = match &config.texts {
        Some(names) => names.clone(),
        None => leptos::prelude::document()
            .query_selector("meta[name=support-portal-texts]")
            .ok()
            .flatten()?
            .get_attribute("content")?,
    };
    let prefix = format!("{}=", locale.tag());
    let url = names
        .split_whitespace()
        .find_map(|n| n.strip_prefix(&prefix))?;
    match Request::get(url).send().await {
        Ok(resp) if resp.ok() => resp.text().await.ok(),
        _ => None,
    }
}
