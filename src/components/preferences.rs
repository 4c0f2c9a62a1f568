//! What this browser keeps for the portal (its `localStorage`), not the profile: the theme,
//! and whether single-key shortcuts are on. Settings changes them; they apply at once.

use crate::stored::{read, write};

/// The theme ("light" or "dark"; none follows the device). The boot module reads the same key
/// (`THEME_BOOT` in scripts/assets.mjs).
const THEME_KEY: &str = "sp-theme";
/// "off" when single-key shortcuts are turned off.
const SHORTCUTS_KEY: &str = "sp-shortcuts";

/// The theme chosen on this browser ("" when it follows the device).
pub fn theme() -> String {
    read(THEME_KEY).unwrap_or_default()
}

/// Applies a theme to the page now (`<html data-theme>`, which style/main.css reads) and keeps
/// it for the next visit.
pub fn set_theme(theme: &str) {
    write(THEME_KEY, theme);
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-theme", theme);
    }
}

/// Whether single-key shortcuts act (on unless turned off here: WCAG 2.1.4).
pub fn shortcuts_on() -> bool {
    read(SHORTCUTS_KEY).as_deref() != Some("off")
}

/// Turns single-key shortcuts on or off on this browser.
pub fn set_shortcuts(on: bool) {
    write(SHORTCUTS_KEY, if on { "" } else { "off" });
}
