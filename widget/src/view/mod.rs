//! The panel's content, drawn by hand: a stage's content when the stage changes (`prechat`,
//! `conversation`, `ended`), and during a chat only what changed (see `conversation`).

mod conversation;
mod ended;
mod prechat;

use crate::dom::{el, replace, with};
use crate::http::Failure;
use crate::state::{Stage, W};
use web_sys::HtmlElement;

pub use conversation::refresh;
pub use ended::render_after_error;
pub use prechat::{product_of, render_availability, render_start_error};

/// The message of a failure, in the user's language.
pub fn failure_key(e: Failure) -> &'static str {
    match e {
        Failure::Network => "ErrNetwork",
        Failure::Forbidden => "ErrForbidden",
        Failure::Unauthorized => "SessionEndedBody",
        Failure::Server => "ErrServer",
    }
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
            // Signed out from the start, or the session ended during a chat.
            let ended = !w.0.borrow().user.is_empty();
            let why = note(if ended {
                "SessionEndedBody"
            } else {
                "ChatSignInFirst"
            });
            let link = portal_link(w, "sign-in", "SignIn");
            replace(&body, &[&why, &with(el("p", &[], ""), &[&link])]);
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
        Stage::Before(list) => replace(&body, &[&prechat::prechat(w, &list)]),
        Stage::During => {
            replace(&body, &[&conversation::conversation(w)]);
            refresh(w);
            conversation::load_draft(w);
        }
        Stage::After => replace(&body, &[&ended::ended(w)]),
    }
}

/// The text of `key` in the widget's language.
fn t_of(w: &W, key: &str) -> String {
    w.0.borrow().texts.text(key)
}
