//! The panel's content, drawn by hand: a stage's content when the stage changes, and during a
//! chat only what changed (the status lines, and the messages by id, so a line keeps its
//! element, and is announced once, as it goes from sending to sent).

use crate::dom::{el, find, replace, with};
use crate::http::{segment, Failure};
use crate::state::{Stage, W};
use support_client::chat::{linkify, ChatLine, Delivery, Segment};
use support_client::{from_json, local_store, LinkState};
use support_contract::chat::{ChatAvailability, ChatStatus, ChatUnavailable, MESSAGE_MAX};
use support_contract::wire::{from_wire, wire_name};
use support_contract::Product;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, HtmlElement};

/// The message of a failure, in the user's language.
pub fn failure_key(e: Failure) -> &'static str {
    match e {
        Failure::Network => "ErrNetwork",
        Failure::Forbidden => "ErrForbidden",
        Failure::Unauthorized => "SessionEndedBody",
        Failure::Server => "ErrServer",
    }
}

fn product_key(p: Product) -> &'static str {
    match p {
        Product::Analytics => "ProductAnalytics",
        Product::Target => "ProductTarget",
        Product::AudienceManager => "ProductAudienceManager",
        Product::Unknown => "Unknown",
    }
}

/// The product a pre-chat form's select names.
pub fn product_of(wire: &str) -> Product {
    from_wire(wire).unwrap_or_default()
}

/// A link into the portal (`path` without its leading `/`).
fn portal_link(w: &W, path: &str, key: &str) -> HtmlElement {
    let s = w.0.borrow();
    let href = format!("{}{path}", s.portal);
    let text = s.texts.text(key);
    if s.framed {
        el(
            "a",
            &[("href", &href), ("target", "_blank"), ("rel", "noopener")],
            &text,
        )
    } else {
        el("a", &[("href", &href)], &text)
    }
}

/// Draws the current stage's content.
pub fn render(w: &W) {
    let (body, stage) = {
        let s = w.0.borrow();
        (s.body.clone(), s.stage.clone())
    };
    w.0.borrow_mut().shown.clear();
    let t = |key: &str| w.0.borrow().texts.text(key);
    let note = |key: &str| el("p", &[("class", "note"), ("role", "status")], &t(key));
    match stage {
        Stage::Loading => replace(&body, &[&note("ChatConnecting")]),
        Stage::SignedOut => {
            let link = portal_link(w, "sign-in", "SignIn");
            replace(
                &body,
                &[&note("SessionEndedBody"), &with(el("p", &[], ""), &[&link])],
            );
        }
        Stage::NotAllowed => {
            let link = portal_link(w, "", "ChatAllChats");
            replace(
                &body,
                &[&note("MemberAccessHint"), &with(el("p", &[], ""), &[&link])],
            );
        }
        Stage::Failed(e) => {
            let again = el(
                "button",
                &[("type", "button"), ("data-action", "reload")],
                &t("ChatRetry"),
            );
            replace(&body, &[&note(failure_key(e)), &again]);
        }
        Stage::Before(list) => replace(&body, &[&prechat(w, &list)]),
        Stage::During => {
            replace(&body, &[&conversation(w)]);
            refresh(w);
            load_draft(w);
        }
        Stage::After => replace(&body, &[&ended(w)]),
    }
}

/// The pre-chat form: product, topic and summary; where chat is not offered now, why, and a
/// case or a callback in the portal instead.
fn prechat(w: &W, list: &[ChatAvailability]) -> HtmlElement {
    let t = |key: &str| w.0.borrow().texts.text(key);
    let first = list.iter().find(|a| a.available).or(list.first());
    let select = el("select", &[("id", "sc-product"), ("name", "product")], "");
    for a in list {
        let option = el(
            "option",
            &[("value", wire_name(&a.product))],
            &t(product_key(a.product)),
        );
        if first.is_some_and(|f| f.product == a.product) {
            let _ = option.set_attribute("selected", "");
        }
        let _ = select.append_child(&option);
    }
    let field = |id: &str, key: &str, control: &HtmlElement| {
        let error = el(
            "p",
            &[("id", &format!("{id}-error")), ("class", "error")],
            "",
        );
        with(
            el("div", &[("class", "field")], ""),
            &[&el("label", &[("for", id)], &t(key)), control, &error],
        )
    };
    let topic = el(
        "input",
        &[
            ("id", "sc-topic"),
            ("type", "text"),
            ("maxlength", "120"),
            ("aria-describedby", "sc-topic-error"),
        ],
        "",
    );
    let summary = el(
        "textarea",
        &[
            ("id", "sc-summary"),
            ("rows", "3"),
            ("maxlength", "1000"),
            ("aria-describedby", "sc-summary-error"),
        ],
        "",
    );
    let form = with(
        el("form", &[("data-form", "prechat"), ("novalidate", "")], ""),
        &[
            &field("sc-product", "FilterProduct", &select),
            &el("div", &[("class", "why")], ""),
            &field("sc-topic", "ChatTopic", &topic),
            &field("sc-summary", "ChatSummary", &summary),
            &el(
                "p",
                &[
                    ("class", "error"),
                    ("id", "sc-start-error"),
                    ("role", "alert"),
                ],
                "",
            ),
            &el(
                "button",
                &[("type", "submit"), ("class", "primary")],
                &t("StartChat"),
            ),
        ],
    );
    render_availability(w, &form);
    form
}

/// Under the product: why chat is not offered for it now, and what to do instead.
pub fn render_availability(w: &W, form: &Element) {
    let Some(why) = find(form, ".why") else {
        return;
    };
    let product = product_of(&crate::dom::value_of(form, "#sc-product"));
    let state = match &w.0.borrow().stage {
        Stage::Before(list) => list.iter().find(|a| a.product == product).cloned(),
        _ => None,
    };
    let open = state.as_ref().is_some_and(|a| a.available);
    if let Some(button) = find(form, "button[type=submit]") {
        let _ = if open {
            button.remove_attribute("disabled")
        } else {
            button.set_attribute("disabled", "")
        };
    }
    if open {
        return why.set_text_content(None);
    }
    let s = w.0.borrow();
    let reason = state.as_ref().and_then(|a| a.reason);
    let setup = reason == Some(ChatUnavailable::SetupPhase);
    let key = match reason {
        Some(ChatUnavailable::OutsideBusinessHours) => "ChatOutsideHours",
        Some(ChatUnavailable::SetupPhase) => "ChatSetupPhase",
        _ => "ChatNotOffered",
    };
    let notice = el("div", &[("class", "notice"), ("role", "status")], "");
    let _ = notice.append_child(&el("p", &[], &s.texts.text(key)));
    if let Some(at) = state.as_ref().and_then(|a| a.opens_at.as_deref()) {
        let when = s.texts.date_time(at);
        let _ = notice.append_child(&el(
            "p",
            &[],
            &s.texts.fill("ChatOpensAt", &[("when", &when)]),
        ));
    }
    let instead = if setup {
        "ChatInsteadCallback"
    } else {
        "ChatInstead"
    };
    let _ = notice.append_child(&el("p", &[], &s.texts.text(instead)));
    drop(s);
    let links = el("ul", &[], "");
    if !setup {
        let _ = links.append_child(&with(
            el("li", &[], ""),
            &[&portal_link(w, "cases/new", "FileCase")],
        ));
    }
    let _ = links.append_child(&with(
        el("li", &[], ""),
        &[&portal_link(w, "contact", "RequestCallback")],
    ));
    let _ = notice.append_child(&links);
    replace(&why, &[&notice]);
}

/// The pre-chat form's refusal, if any.
pub fn render_start_error(w: &W) {
    let s = w.0.borrow();
    if let Some(p) = find(&s.body, "#sc-start-error") {
        p.set_text_content(
            s.start_error
                .map(|e| s.texts.text(failure_key(e)))
                .as_deref(),
        );
    }
}

/// The conversation's frame: status lines, the messages, the typing line and the box.
fn conversation(w: &W) -> HtmlElement {
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
fn load_draft(w: &W) {
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
/// changed gets its state redrawn, and elements move only when the order changed.
fn sync_lines(w: &W, list: &HtmlElement) {
    let mut s = w.0.borrow_mut();
    let s = &mut *s;
    let mut shown = std::mem::take(&mut s.shown);
    let mut next = Vec::with_capacity(s.lines.len());
    for (i, line) in s.lines.iter().enumerate() {
        let element = match shown.iter().position(|(id, _, _)| *id == line.id) {
            Some(k) => {
                let (id, element, delivery) = shown.swap_remove(k);
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
        let at = list.children().item(i as u32);
        if at.as_ref() != Some(element.1.as_ref()) {
            let _ = list.insert_before(&element.1, at.as_ref().map(|e| e.as_ref()));
        }
        next.push(element);
    }
    for (_, gone, _) in shown {
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

/// After the chat: that it ended, a rating, its transcript, continuing it as a case (then a
/// link to that case in the portal), and a new chat.
fn ended(w: &W) -> HtmlElement {
    let t = |key: &str| t_of(w, key);
    let (id, rated, case) = {
        let s = w.0.borrow();
        let chat = s.chat.as_ref();
        (
            chat.map(|c| c.id.clone()).unwrap_or_default(),
            chat.is_some_and(|c| c.rating.is_some()),
            chat.and_then(|c| c.case_id.clone()),
        )
    };
    let rating = if rated {
        el("p", &[], &t("ChatThanksRating"))
    } else {
        rating_form(w)
    };
    let transcript = |json: bool, key: &str| {
        let format = if json { "json" } else { "text" };
        let href = w.0.borrow().api.url(&format!(
            "/chats/{}/transcript?format={format}",
            segment(&id)
        ));
        with(
            el("li", &[], ""),
            &[&el("a", &[("href", &href), ("download", "")], &t(key))],
        )
    };
    let case: HtmlElement = match case {
        Some(case) => portal_link(w, &format!("cases/{}", segment(&case)), "ChatOpenCase"),
        None => el(
            "button",
            &[("type", "button"), ("data-action", "case")],
            &t("ChatContinueAsCase"),
        ),
    };
    with(
        el("div", &[("class", "ended")], ""),
        &[
            &el("p", &[("role", "status")], &t("ChatEnded")),
            &rating,
            &with(
                el("ul", &[], ""),
                &[
                    &transcript(false, "ChatTranscriptText"),
                    &transcript(true, "ChatTranscriptJson"),
                ],
            ),
            &el(
                "p",
                &[
                    ("class", "error"),
                    ("id", "sc-after-error"),
                    ("role", "alert"),
                ],
                "",
            ),
            &with(
                el("div", &[("class", "actions")], ""),
                &[
                    &case,
                    &el(
                        "button",
                        &[
                            ("type", "button"),
                            ("class", "primary"),
                            ("data-action", "new"),
                        ],
                        &t("ChatNew"),
                    ),
                ],
            ),
        ],
    )
}

/// How was the chat: a score from 1 to 5 and an optional comment.
fn rating_form(w: &W) -> HtmlElement {
    let t = |key: &str| t_of(w, key);
    let choices = with(
        el("fieldset", &[("class", "rating")], ""),
        &[&el("legend", &[], &t("ChatRateTitle"))],
    );
    let keys = ["Rating1", "Rating2", "Rating3", "Rating4", "Rating5"];
    for (n, key) in (1..=5u8).zip(keys) {
        let id = format!("sc-rating-{n}");
        let value = n.to_string();
        let input = el(
            "input",
            &[
                ("type", "radio"),
                ("name", "score"),
                ("id", &id),
                ("value", &value),
            ],
            "",
        );
        let label = el("label", &[("for", &id)], &t(key));
        let _ = choices.append_child(&with(
            el("div", &[("class", "choice")], ""),
            &[&input, &label],
        ));
    }
    with(
        el("form", &[("data-form", "rating")], ""),
        &[
            &choices,
            &with(
                el("div", &[("class", "field")], ""),
                &[
                    &el("label", &[("for", "sc-comment")], &t("ChatRatingComment")),
                    &el(
                        "textarea",
                        &[("id", "sc-comment"), ("rows", "2"), ("maxlength", "1000")],
                        "",
                    ),
                ],
            ),
            &el("button", &[("type", "submit")], &t("ChatSendRating")),
        ],
    )
}

/// Why rating the chat or continuing it as a case did not work.
pub fn render_after_error(w: &W, e: Failure) {
    let s = w.0.borrow();
    if let Some(p) = find(&s.body, "#sc-after-error") {
        p.set_text_content(Some(&s.texts.text(failure_key(e))));
    }
}

fn t_of(w: &W, key: &str) -> String {
    w.0.borrow().texts.text(key)
}
