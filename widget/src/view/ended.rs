//! After a chat: that it ended, a rating, its transcript, continuing it as a case, a new chat.

use super::{failure_key, portal_link, t_of};
use crate::dom::{el, find, with};
use crate::http::{segment, Failure};
use crate::state::W;
use web_sys::HtmlElement;

/// After the chat: that it ended, a rating, its transcript, continuing it as a case (then a
/// link to that case in the portal), and a new chat.
pub(super) fn ended(w: &W) -> HtmlElement {
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
