//! What the filing steps share: the draft's checks and the text field bound to the draft.

use crate::api::field_error;
use crate::domain::{step_of_field, CaseDraft, DraftField, Step};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::FieldError;

/// What is wrong with the draft's fields: the user's own slips, shown once they tried to leave
/// or submit a step, and the backend's refusals, each shown until its field is edited.
#[derive(Clone, Copy)]
pub struct Checks {
    pub draft: RwSignal<CaseDraft>,
    /// Steps the user tried to leave or submit: only those show the user's slips.
    pub checked: RwSignal<Vec<Step>>,
    /// The backend's field errors from the last submit.
    pub server: RwSignal<Vec<FieldError>>,
}

impl Checks {
    pub fn new(draft: RwSignal<CaseDraft>) -> Checks {
        Checks {
            draft,
            checked: RwSignal::new(Vec::new()),
            server: RwSignal::new(Vec::new()),
        }
    }

    /// The message for `field` in the user's language, if there is one to show.
    pub fn message(self, field: &'static str) -> Signal<Option<String>> {
        let i18n = use_i18n();
        let step = step_of_field(field);
        Signal::derive(move || {
            let local = self.checked.get().contains(&step).then(|| {
                self.draft.with(|d| {
                    d.problems(step)
                        .into_iter()
                        .find(|(f, _)| *f == field)
                        .map(|(_, code)| code)
                })
            });
            self.server
                .with(|refused| field_error(field, local.flatten(), refused, i18n.locale.get()))
        })
    }

    /// The user changed `field`: the backend's word on its old value no longer applies.
    pub fn edited(self, field: &str) {
        if self
            .server
            .with_untracked(|s| s.iter().any(|e| e.field == field))
        {
            self.server.update(|s| s.retain(|e| e.field != field));
        }
    }

    /// Whether `step` has something to correct that the user was already told about.
    pub fn flagged(self, step: Step) -> bool {
        let local =
            self.checked.get().contains(&step) && self.draft.with(|d| !d.problems(step).is_empty());
        local
            || self
                .server
                .with(|s| s.iter().any(|e| step_of_field(&e.field) == step))
    }
}

/// A labelled text input or text area bound to one text field of the draft; its id and the
/// name its errors come under follow from the field.
#[component]
pub(super) fn DraftText(
    field: DraftField,
    label: Key,
    #[prop(optional)] hint: Option<Key>,
    #[prop(optional)] multiline: bool,
    #[prop(default = "text")] kind: &'static str,
    checks: Checks,
) -> impl IntoView {
    let i18n = use_i18n();
    let draft = checks.draft;
    let name = field.name();
    let error = checks.message(name);
    let id = format!("case-{}", name.replace(['.', '_'], "-"));
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = match hint {
        Some(_) => format!("{error_id} {hint_id}"),
        None => error_id.clone(),
    };
    let value = move || draft.with(|d| field.get(d).to_string());
    let input = move |ev| {
        let v = event_target_value(&ev);
        draft.update(|d| field.set(d, v));
        checks.edited(name);
    };
    let invalid = move || error.get().is_some().to_string();
    let control = if multiline {
        view! {
            <textarea id=id.clone() rows="6" aria-invalid=invalid
                aria-describedby=described prop:value=value on:input=input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type=kind aria-invalid=invalid
                aria-describedby=described prop:value=value on:input=input/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{i18n.s(label)}</label>
            {hint.map(|h| view! { <p id=hint_id class="hint">{i18n.s(h)}</p> })}
            {control}
            <p id=error_id class="field-error">{move || error.get()}</p>
        </div>
    }
}
