//! The chat widget for host pages: the portal's live chat, and nothing else of it, in a wasm of
//! its own that `scripts/chat-loader.js` fetches on the first click of its launcher. Built on
//! wasm-bindgen and web-sys without Leptos, for size (its budget is 60 KB brotli in all), and
//! on `support-client` for the chat's rules, realtime link and outbox, so that it keeps the
//! portal's promises by running the portal's code.
//!
//! The loader owns the launcher and where the panel sits; [`mount`] draws the panel into the
//! element it is given (inside the loader's shadow root) and tells the loader what happens
//! (`unread`, `active`, `close`, `session-ended`) through a callback.

mod dom;
mod http;
mod state;
mod texts;
mod view;

use state::{Stage, W};
use support_contract::chat::{ChatRating, NewChat};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, HtmlElement, KeyboardEvent};

/// An event listener the widget added: where, for which event, and its closure.
type Listener = (EventTarget, &'static str, Closure<dyn FnMut(Event)>);

/// A mounted widget, for the loader.
#[wasm_bindgen]
pub struct Widget {
    w: W,
    /// The panel's and the window's listeners, removed on unmount.
    listeners: Vec<Listener>,
}

fn option(options: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(options, &name.into())
        .ok()
        .and_then(|v| v.as_string())
}

/// Draws the panel into `container` and starts: `options` holds `apiBase` (the contract's
/// address), `portal` (the portal's address, for links), `locale`, `texts` (that language's
/// texts by key), `handoffToken` and `organisation` (optional: the host's user and current
/// organisation), `framed` (in an iframe of its own); `notify(name,
/// detail)` hears what happens.
#[wasm_bindgen]
pub fn mount(container: Element, options: JsValue, notify: js_sys::Function) -> Widget {
    let texts = texts::Texts::new(
        option(&options, "locale").unwrap_or_else(|| "en".into()),
        js_sys::Reflect::get(&options, &"texts".into()).unwrap_or_default(),
    );
    let framed = js_sys::Reflect::get(&options, &"framed".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let title = dom::el("h2", &[("id", "sc-title")], &texts.text("ChatTitle"));
    let close = dom::el(
        "button",
        &[("type", "button"), ("data-action", "close")],
        &texts.text("ChatMinimise"),
    );
    let body = dom::el("div", &[("class", "body")], "");
    let root = dom::with(
        dom::el(
            "section",
            &[
                ("class", "panel"),
                ("role", "dialog"),
                ("aria-modal", "false"),
                ("aria-labelledby", "sc-title"),
                ("tabindex", "-1"),
            ],
            "",
        ),
        &[
            &dom::with(dom::el("div", &[("class", "head")], ""), &[&title, &close]),
            &body,
        ],
    );
    let _ = container.append_child(&root);
    let w = W::new(
        root.clone(),
        body,
        texts,
        http::Api::new(&option(&options, "apiBase").unwrap_or_else(|| "/api/v1".into())),
        option(&options, "portal").unwrap_or_else(|| "/".into()),
        framed,
        notify,
    );
    view::render(&w);
    let mut widget = Widget {
        w: w.clone(),
        listeners: Vec::new(),
    };
    widget.listen(&root, "click", on_click);
    widget.listen(&root, "submit", on_submit);
    widget.listen(&root, "input", on_input);
    widget.listen(&root, "change", on_change);
    widget.listen(&root, "keydown", on_keydown);
    widget.listen(&root, "focusout", |w, e| {
        if target_id(&e).as_deref() == Some("sc-input") {
            w.typing(false);
        }
    });
    if let Some(window) = web_sys::window() {
        widget.listen(&window, "online", |w, _| w.online());
    }
    let handoff = option(&options, "handoffToken");
    wasm_bindgen_futures::spawn_local(w.start(handoff, option(&options, "organisation")));
    widget
}

#[wasm_bindgen]
impl Widget {
    fn listen(&mut self, target: &EventTarget, name: &'static str, handler: fn(&W, Event)) {
        let w = self.w.clone();
        let closure = Closure::<dyn FnMut(Event)>::new(move |e: Event| handler(&w, e));
        let _ = target.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
        self.listeners.push((target.clone(), name, closure));
    }

    /// The panel is shown (focus goes into it) or hidden.
    #[wasm_bindgen(js_name = setOpen)]
    pub fn set_open(&self, open: bool) {
        self.w.set_open(open);
        if open {
            let _ = self.w.0.borrow().root.focus();
        }
    }

    /// Another language: its texts, and the panel drawn again (what is typed is kept).
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: String, texts: JsValue) {
        let typed = dom::value_of(&self.w.0.borrow().body, "#sc-input");
        {
            let mut s = self.w.0.borrow_mut();
            s.texts = texts::Texts::new(locale, texts);
            let root = s.root.clone();
            if let Some(h) = dom::find(&root, "#sc-title") {
                h.set_text_content(Some(&s.texts.text("ChatTitle")));
            }
            if let Some(b) = dom::find(&root, "[data-action=close]") {
                b.set_text_content(Some(&s.texts.text("ChatMinimise")));
            }
        }
        view::render(&self.w);
        if let Some(area) = dom::find(&self.w.0.borrow().body, "#sc-input")
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            area.set_value(&typed);
        }
    }

    /// Lets everything go: listeners, the link, timers and the panel.
    pub fn unmount(&mut self) {
        for (target, name, closure) in self.listeners.drain(..) {
            let _ =
                target.remove_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
        }
        self.w.unmount();
    }
}

fn target_id(e: &Event) -> Option<String> {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .map(|t| t.id())
}

/// A click on one of the panel's buttons, by its `data-action`.
fn on_click(w: &W, e: Event) {
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
            let w = w.clone();
            wasm_bindgen_futures::spawn_local(w.start(None, None));
        }
        _ => {}
    }
}

fn on_submit(w: &W, e: Event) {
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

fn on_input(w: &W, e: Event) {
    if target_id(&e).as_deref() == Some("sc-input") {
        let text = dom::value_of(&w.0.borrow().body, "#sc-input");
        w.save_draft(text);
        w.typing(true);
    }
}

fn on_change(w: &W, e: Event) {
    if target_id(&e).as_deref() == Some("sc-product") {
        let body = w.0.borrow().body.clone();
        if let Some(form) = dom::find(&body, "form") {
            view::render_availability(w, &form);
        }
    }
}

/// Escape minimises the panel; in the box, Enter sends and Shift+Enter starts a new line.
fn on_keydown(w: &W, e: Event) {
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
