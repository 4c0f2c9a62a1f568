//! What the user does in the panel, heard by one listener per kind of event on the panel (a
//! click by its button's `data-action`, a submit by its form's `data-form`), never per element.

use crate::dom;
use crate::state::{Stage, W};
use crate::view;
use support_contract::chat::{ChatRating, NewChat};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, KeyboardEvent};

pub(crate) fn target_id(e: &Event) -> Option<String> {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .map(|t| t.id())
}

/// A click on one of the panel's buttons, by its `data-action`.
pub(crate) fn on_click(w: &W, e: Event) {
    let Some(button) = e
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest("[data-action]").ok().flatten())
    else {
        return;
    };
    match button.get_attribute("data-action").as_deref() {
        Some("close") => w.emit("close", &[]),
        Some("end") => w.end(),
        Some("new") => w.new_chat(),
        Some("case") => w.to_case(),
        Some("retry") => w.retry(&button.get_attribute("data-id").unwrap_or_default()),
        Some("reload") => {
            // Again as the host asked (its organisation), with the session the first try made.
            let organisation = w.0.borrow().organisation.clone();
            wasm_bindgen_futures::spawn_local(w.clone().start(None, organisation));
        }
        _ => {}
    }
}

pub(crate) fn on_submit(w: &W, e: Event) {
    e.prevent_default();
    let Some(form) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
        return;
    };
    match form.get_attribute("data-form").as_deref() {
        Some("compose") => send(w, &form),
        Some("prechat") => start(w, &form),
        Some("rating") => rate(w, &form),
        _ => {}
    }
}

/// Sends what the box holds, and empties it (and its kept draft).
fn send(w: &W, form: &Element) {
    let body = dom::value_of(form, "#sc-input").trim().to_string();
    if body.is_empty() {
        return;
    }
    w.send(body);
    if let Some(area) =
        dom::find(form, "#sc-input").and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        area.set_value("");
    }
    w.save_draft(String::new());
}

/// The pre-chat form: both fields are required, and say so next to themselves.
fn start(w: &W, form: &Element) {
    if !matches!(w.0.borrow().stage, Stage::Before(_)) {
        return;
    }
    let topic = dom::value_of(form, "#sc-topic").trim().to_string();
    let summary = dom::value_of(form, "#sc-summary").trim().to_string();
    let required = w.0.borrow().texts.text("ErrRequired");
    let mut first_missing = None;
    for (id, value) in [("sc-topic", &topic), ("sc-summary", &summary)] {
        let missing = value.is_empty();
        if let Some(field) = dom::find(form, &format!("#{id}")) {
            let _ = field.set_attribute("aria-invalid", if missing { "true" } else { "false" });
            if missing && first_missing.is_none() {
                first_missing = Some(field);
            }
        }
        if let Some(p) = dom::find(form, &format!("#{id}-error")) {
            p.set_text_content(missing.then_some(required.as_str()));
        }
    }
    if let Some(field) = first_missing {
        let _ = field.focus();
        return;
    }
    let product = view::product_of(&dom::value_of(form, "#sc-product"));
    w.start_chat(NewChat {
        product,
        topic,
        summary,
    });
}

/// The rating form: a score is needed (without one, nothing is sent).
fn rate(w: &W, form: &Element) {
    let score = form
        .query_selector("input[name=score]:checked")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("value"))
        .and_then(|v| v.parse::<u8>().ok());
    match score {
        Some(score) => w.rate(ChatRating {
            score,
            comment: dom::value_of(form, "#sc-comment").trim().to_string(),
        }),
        None => {
            if let Some(first) = dom::find(form, "input[name=score]") {
                let _ = first.focus();
            }
        }
    }
}

pub(crate) fn on_input(w: &W, e: Event) {
    if target_id(&e).as_deref() == Some("sc-input") {
        let text = dom::value_of(&w.0.borrow().body, "#sc-input");
        w.save_draft(text);
        w.typing(true);
    }
}

pub(crate) fn on_change(w: &W, e: Event) {
    if target_id(&e).as_deref() == Some("sc-product") {
        let body = w.0.borrow().body.clone();
        if let Some(form) = dom::find(&body, "form") {
            view::render_availability(w, &form);
        }
    }
}

/// Escape minimises the panel; in the box, Enter sends and Shift+Enter starts a new line.
pub(crate) fn on_keydown(w: &W, e: Event) {
    let Some(key) = e.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    if key.key() == "Escape" {
        w.emit("close", &[]);
    } else if key.key() == "Enter"
        && !key.shift_key()
        && target_id(&e).as_deref() == Some("sc-input")
    {
        e.prevent_default();
        let body = w.0.borrow().body.clone();
        if let Some(form) = dom::find(&body, "form") {
            send(w, &form);
        }
    }
}
