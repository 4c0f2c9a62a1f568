//! Before a chat: the pre-chat form, with whether each product offers chat now.

use super::{failure_key, portal_link};
use crate::dom::{el, find, replace, with};
use crate::state::{Stage, W};
use support_contract::chat::{ChatAvailability, ChatUnavailable};
use support_contract::wire::{from_wire, wire_name};
use support_contract::Product;
use web_sys::{Element, HtmlElement};

/// The text key of a product's name.
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

/// The pre-chat form: product, topic and summary; where chat is not offered now, why, and a
/// case or a callback in the portal instead.
pub(super) fn prechat(w: &W, list: &[ChatAvailability]) -> HtmlElement {
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
