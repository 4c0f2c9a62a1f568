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
mod events;
mod http;
mod state;
mod texts;
mod view;

use events::{on_change, on_click, on_input, on_keydown, on_submit, target_id};
use state::W;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget};

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
