//! Building the panel by hand: elements with attributes and text (always as text, never as
//! HTML), and finding them again inside the panel.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// A `tag` element with `attrs`, holding `text` as text.
pub fn el(tag: &str, attrs: &[(&str, &str)], text: &str) -> HtmlElement {
    let e = document().create_element(tag).expect("a valid tag name");
    for (name, value) in attrs {
        let _ = e.set_attribute(name, value);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    e.unchecked_into()
}

/// Appends `children` to `parent`; returns `parent`.
pub fn with(parent: HtmlElement, children: &[&Element]) -> HtmlElement {
    for child in children {
        let _ = parent.append_child(child);
    }
    parent
}

/// The element matching `selector` inside `root`.
pub fn find(root: &Element, selector: &str) -> Option<HtmlElement> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

/// The value of the form field `selector` inside `root` (empty when there is none).
pub fn value_of(root: &Element, selector: &str) -> String {
    let Some(e) = root.query_selector(selector).ok().flatten() else {
        return String::new();
    };
    if let Some(i) = e.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    if let Some(t) = e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return t.value();
    }
    e.dyn_ref::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

/// Replaces what `parent` holds with `children`.
pub fn replace(parent: &Element, children: &[&Element]) {
    parent.set_text_content(None);
    for child in children {
        let _ = parent.append_child(child);
    }
}
