use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::cases::ResponseTarget;

/// The first-response target of a case, and whether support met it.
#[component]
pub fn ResponseBadge(response: ResponseTarget) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || match response.met {
        Some(true) => i18n.t(Key::ResponseMet).to_string(),
        Some(false) => i18n.t(Key::ResponseMissed).to_string(),
        None => i18n.tr(
            Key::ResponseDue,
            &[("when", &i18n.date_time(&response.due_at))],
        ),
    };
    let class = match response.met {
        Some(true) => "badge success",
        Some(false) => "badge danger",
        None => "badge",
    };
    view! { <span class=class>{text}</span> }
}

/// "First response within …" for a target in minutes.
pub fn target_text(minutes: i64, i18n: crate::i18n::I18n) -> String {
    if minutes >= 24 * 60 {
        i18n.t(Key::ResponseTargetDay).to_string()
    } else if minutes >= 60 && minutes % 60 == 0 {
        i18n.tr(
            Key::ResponseTargetHours,
            &[("hours", &(minutes / 60).to_string())],
        )
    } else {
        i18n.tr(
            Key::ResponseTargetMinutes,
            &[("minutes", &minutes.to_string())],
        )
    }
}
