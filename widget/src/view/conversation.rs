//! During a chat: the conversation's frame, then only what changed (the status lines, and the
//! messages by id, so a line keeps its element, and is announced once, as it goes from sending
//! to sent).

use crate::dom::{el, find, with};
use crate::http::segment;
use crate::state::{Stage, W};
use support_client::chat::{linkify, ChatLine, Delivery, Segment};
use support_client::{from_json, local_store, LinkState};
use support_contract::chat::{ChatStatus, MESSAGE_MAX};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, HtmlElement};

/// The conversation's frame: status lines, the messages, the typing line and the box.
pub(super) fn conversation(w: &W) -> HtmlElement {
    let t = |key: &str| w.0.borrow().texts.text(key);
    let max = MESSAGE_MAX.to_string();
    with(
        el("div", &[("class", "conversation")], ""),
        &[
            &el("p", &[("class", "state"), ("role", "status")], ""),
            &el("p", &[("class", "link notice"), ("hidden", "")], ""),
            &el(
                "ol",
                &[
                    ("class", "messages"),
                    ("aria-live", "polite"),
                    ("aria-label", &t("ChatMessages")),
                ],
                "",
            ),
            &el(
                "p",
                &[("class", "typing"), ("hidden", "")],
                &t("ChatAgentTyping"),
            ),
            &with(
                el(
                    "form",
                    &[("data-form", "compose"), ("class", "compose")],
                    "",
                ),
                &[
                    &el("label", &[("for", "sc-input")], &t("ChatYourMessage")),
                    &el(
                        "textarea",
                        &[("id", "sc-input"), ("rows", "2"), ("maxlength", &max)],
                        "",
                    ),
                    &with(
                        el("div", &[("class", "actions")], ""),
                        &[
                            &el(
                                "button",
                                &[("type", "submit"), ("class", "primary")],
                                &t("ChatSend"),
                            ),
                            &el(
                                "button",
                                &[("type", "button"), ("data-action", "end")],
                                &t("ChatEnd"),
                            ),
                        ],
                    ),
                ],
            ),
        ],
    )
}

/// Puts the kept draft back in the box (unless the user already typed).
pub(super) fn load_draft(w: &W) {
    let Some(key) = w.draft_key() else { return };
    let body = w.0.borrow().body.clone();
    spawn_local(async move {
        let saved: Option<String> = local_store::load(&key).await.and_then(|j| from_json(&j));
        let Some(text) = saved else { return };
        if let Some(area) =
            find(&body, "#sc-input").and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            if area.value().is_empty() {
                area.set_value(&text);
            }
        }
    });
}

/// Brings the conversation on screen up to date with the state.
pub fn refresh(w: &W) {
    let s = w.0.borrow();
    if s.stage != Stage::During {
        return;
    }
    let body = s.body.clone();
    let t = |key: &str| s.texts.text(key);
    let queued = s
        .chat
        .as_ref()
        .is_some_and(|c| c.status == ChatStatus::Queued);
    let state = if queued {
        match s.queue {
            Some((position, minutes)) => s.texts.fill(
                "ChatQueue",
                &[
                    ("position", &s.texts.number(position)),
                    ("minutes", &s.texts.number(minutes)),
                ],
            ),
            None => t("ChatWaiting"),
        }
    } else {
        s.chat
            .as_ref()
            .and_then(|c| c.agent.as_deref())
            .map(|agent| s.texts.fill("ChatWithAgent", &[("agent", agent)]))
            .unwrap_or_default()
    };
    set_text(&body, ".state", &state);
    let link = match s.link {
        LinkState::Reconnecting => Some(t("ChatReconnecting")),
        LinkState::Connecting => Some(t("ChatConnecting")),
        _ => None,
    };
    if let Some(p) = find(&body, ".link") {
        p.set_hidden(link.is_none());
        p.set_text_content(link.as_deref());
    }
    if let Some(p) = find(&body, ".typing") {
        p.set_hidden(!s.agent_typing);
    }
    let Some(list) = find(&body, ".messages") else {
        return;
    };
    drop(s);
    sync_lines(w, &list);
}

fn set_text(root: &Element, selector: &str, text: &str) {
    if let Some(e) = find(root, selector) {
        if e.text_content().as_deref() != Some(text) {
            e.set_text_content(Some(text));
        }
    }
}

/// Makes the list show the lines in order: a new line gets an element, a line whose delivery
/// changed gets its state redrawn, and elements move only when the order changed. It runs on
/// every event of the chat, so the usual case (each line where it was) costs one comparison a
/// line, not a search.
fn sync_lines(w: &W, list: &HtmlElement) {
    let mut s = w.0.borrow_mut();
    let s = &mut *s;
    let mut old: Vec<Option<(String, HtmlElement, Delivery)>> =
        std::mem::take(&mut s.shown).into_iter().map(Some).collect();
    let mut next = Vec::with_capacity(s.lines.len());
    let mut previous: Option<HtmlElement> = None;
    for (i, line) in s.lines.iter().enumerate() {
        let is_line = |e: &Option<(String, HtmlElement, Delivery)>| {
            e.as_ref().is_some_and(|(id, _, _)| *id == line.id)
        };
        let at = match old.get(i).is_some_and(is_line) {
            true => Some(i),
            false => old.iter().position(is_line),
        };
        let (id, element, delivery) = match at.and_then(|k| old[k].take()) {
            Some((id, element, delivery)) => {
                if delivery != line.delivery {
                    draw_delivery(&s.texts, &element, line);
                }
                (id, element, line.delivery)
            }
            None => (
                line.id.clone(),
                line_view(&s.texts, &s.api, line),
                line.delivery,
            ),
        };
        // Right after the line before it (or first): else it moves there.
        let placed = match &previous {
            Some(p) => element.previous_element_sibling().as_ref() == Some(p.as_ref()),
            None => list.first_element_child().as_ref() == Some(element.as_ref()),
        };
        if !placed {
            let before = match &previous {
                Some(p) => p.next_sibling(),
                None => list.first_child(),
            };
            let _ = list.insert_before(&element, before.as_ref());
        }
        previous = Some(element.clone());
        next.push((id, element, delivery));
    }
    for (_, gone, _) in old.into_iter().flatten() {
        gone.remove();
    }
    s.shown = next;
}

/// One message: who wrote it, what (links made safe, never HTML), its files, and for the
/// user's own, whether it arrived.
fn line_view(texts: &crate::texts::Texts, api: &crate::http::Api, line: &ChatLine) -> HtmlElement {
    let who = match (&line.author, line.from_support) {
        (Some(name), true) => name.clone(),
        (None, true) => texts.text("SupportTeam"),
        _ => texts.text("ChatYou"),
    };
    let class = if line.from_support {
        "line from-support"
    } else {
        "line"
    };
    let text = el("p", &[("class", "text")], "");
    for segment in linkify(&line.body) {
        let node: web_sys::Node = match segment {
            Segment::Text(t) => el("span", &[], &t).into(),
            Segment::Link(url) => el(
                "a",
                &[
                    ("href", &url),
                    ("target", "_blank"),
                    ("rel", "noopener noreferrer"),
                ],
                &url,
            )
            .into(),
        };
        let _ = text.append_child(&node);
    }
    let item = with(
        el("li", &[("class", class)], ""),
        &[&el("p", &[("class", "meta")], &who), &text],
    );
    if !line.attachments.is_empty() {
        let files = el("ul", &[("class", "files")], "");
        for a in &line.attachments {
            let href = api.url(&format!("/attachments/{}", segment(&a.id)));
            let link = el("a", &[("href", &href)], &a.name);
            let _ = files.append_child(&with(el("li", &[], ""), &[&link]));
        }
        let _ = item.append_child(&files);
    }
    if !line.from_support {
        let _ = item.append_child(&el("p", &[("class", "delivery")], ""));
        draw_delivery(texts, &item, line);
    }
    item
}

fn draw_delivery(texts: &crate::texts::Texts, item: &HtmlElement, line: &ChatLine) {
    let Some(p) = find(item, ".delivery") else {
        return;
    };
    let (key, failed) = match line.delivery {
        Delivery::Sending => ("ChatSending", false),
        Delivery::Sent => ("ChatSent", false),
        Delivery::Failed => ("ChatFailed", true),
    };
    p.set_text_content(Some(&texts.text(key)));
    let _ = p.set_attribute(
        "class",
        if failed {
            "delivery failed"
        } else {
            "delivery"
        },
    );
    if failed {
        let retry = el(
            "button",
            &[
                ("type", "button"),
                ("data-action", "retry"),
                ("data-id", &line.id),
            ],
            &texts.text("ChatRetry"),
        );
        let _ = p.append_child(&retry);
    }
}
