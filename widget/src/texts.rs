//! The widget's words: the portal's own texts for the keys the widget uses, in the user's
//! language. scripts/build.mjs takes them from src/i18n/messages.rs (every `text("Key")` in
//! this crate; a key missing there fails the build) and hands them to `mount`.

use wasm_bindgen::JsValue;

/// The texts of one language, by key.
pub struct Texts {
    table: JsValue,
    pub locale: String,
}

impl Texts {
    pub fn new(locale: String, table: JsValue) -> Texts {
        Texts { table, locale }
    }

    /// The text of `key` (the key itself if the table lacks it, which the build prevents).
    pub fn text(&self, key: &str) -> String {
        js_sys::Reflect::get(&self.table, &key.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| key.to_string())
    }

    /// The text of `key` with its `{name}` placeholders filled.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        values.iter().fold(self.text(key), |s, (name, value)| {
            s.replace(&format!("{{{name}}}"), value)
        })
    }

    /// A number as the locale writes it.
    pub fn number(&self, n: u32) -> String {
        let format = js_sys::Intl::NumberFormat::new(
            &js_sys::Array::of1(&self.locale.as_str().into()),
            &js_sys::Object::new(),
        );
        format
            .format()
            .call1(&JsValue::NULL, &n.into())
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| n.to_string())
    }

    /// A date and time (RFC 3339) as the locale writes it, in the browser's time zone.
    pub fn date_time(&self, at: &str) -> String {
        let date = js_sys::Date::new(&at.into());
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"full".into());
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
        String::from(date.to_locale_string(&self.locale, &options))
    }
}
