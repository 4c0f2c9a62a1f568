use super::form::Checks;
use super::steps::{StepPanel, StepsNav};
use crate::api::{
    random_id, use_api, use_attachment_rules, use_attachment_upload, use_portal, ApiError, CasesApi,
};
use crate::auth::use_draft;
use crate::components::{use_router, AppLink, AttachmentPicker, ErrorNotice, LoadingIndicator};
use crate::domain::{step_of_field, CaseDraft, Step};
use crate::i18n::{browser_time_zone, use_i18n, Key};
use leptos::prelude::*;
use leptos::task::spawn_local;
use support_contract::Phase;

/// Filing a case in guided steps. The draft is saved on this device as the user types (per
/// user, in IndexedDB) and comes back after a reload, a crash, an ended session or a failed
/// submit; it carries the idempotency key, so however often it is submitted, one case is filed.
#[component]
pub fn FileCasePage() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let closed = move || matches!(portal.get(), Some(Ok(p)) if p.phase == Phase::Setup);
    view! {
        <div class="page">
            <h1 id="page-title">{i18n.s(Key::FileCase)}</h1>
            {move || if closed() {
                view! { <p class="banner warning">{i18n.s(Key::FilingClosed)}</p> }.into_any()
            } else {
                view! { <CaseForm/> }.into_any()
            }}
        </div>
    }
}

#[component]
fn CaseForm() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn CasesApi>();
    let router = use_router();
    // The draft is kept as it is typed; a fresh one already has its idempotency key, and a
    // blank saved one keeps its key (it may have been submitted), without "restored".
    let kept = use_draft(
        "draft:new-case",
        "",
        CaseDraft::new(random_id(), browser_time_zone()),
    );
    let draft = kept.value;
    let loaded = kept.loaded;
    let restored = RwSignal::new(false);
    Effect::new(move |_| {
        if kept.restored.get() && !draft.with_untracked(CaseDraft::is_blank) {
            restored.set(true);
        }
    });
    let checks = Checks::new(draft);
    let checked = checks.checked;
    let uploads_busy = RwSignal::new(false);
    let wait_for_uploads = RwSignal::new(false);

    let submit = Action::new_local(move |draft: &CaseDraft| {
        let api = api.clone();
        let draft = draft.clone();
        async move {
            match draft.to_new_case() {
                Some(case) => api.file_case(case, draft.idempotency_key.clone()).await,
                None => Err(ApiError::Validation(vec![])),
            }
        }
    });
    Effect::new({
        move |_| match submit.value().get() {
            Some(Ok(case)) => {
                spawn_local(async move {
                    kept.forget().await;
                    router.go(&format!("/cases/{}", case.summary.id));
                });
            }
            Some(Err(ApiError::Validation(errors))) => {
                // Send the user to the first step the backend found fault with; each field
                // shows its own error until it is edited.
                let first = Step::ALL
                    .into_iter()
                    .find(|s| errors.iter().any(|e| step_of_field(&e.field) == *s));
                checks.server.set(errors);
                if let Some(step) = first {
                    draft.update(|d| d.step = step);
                }
            }
            _ => {}
        }
    });

    // Any step can be opened from the steps list; nothing typed is lost on the way.
    let jump = Callback::new(move |step: Step| draft.update(|d| d.step = step));
    // "Next" first shows what the current step still needs.
    let next = move |_| {
        let current = draft.get_untracked().step;
        if draft.get_untracked().problems(current).is_empty() {
            jump.run(current.next());
        } else {
            checked.update(|c| c.push(current));
        }
    };
    let on_submit = move |_| {
        let d = draft.get_untracked();
        if uploads_busy.get_untracked() {
            wait_for_uploads.set(true);
            return;
        }
        match d.first_incomplete() {
            Some(step) => {
                checked.update(|c| c.extend(Step::ALL));
                draft.update(|d| d.step = step);
            }
            None => {
                submit.dispatch(d);
            }
        }
    };
    // A fresh draft (with a new key) takes the discarded one's place in the store.
    let discard = Callback::new(move |_: ()| {
        checked.set(vec![]);
        checks.server.set(vec![]);
        restored.set(false);
        draft.set(CaseDraft::new(random_id(), browser_time_zone()));
    });
    let server_error = Signal::derive(move || submit.value().get().and_then(|r| r.err()));
    // The draft was filed before its last changes (the answer to that submit was lost): the
    // user may file the changed draft as a new case, under a new key.
    let file_as_new = move |_| {
        draft.update(|d| d.idempotency_key = random_id());
        submit.dispatch(draft.get_untracked());
    };
    let files_error = checks.message("attachments");
    let step = Memo::new(move |_| draft.with(|d| d.step));

    view! {
        <Show when=move || loaded.get() fallback=|| view! { <LoadingIndicator/> }>
            <Show when=move || restored.get()>
                <p class="notice success" role="status">{i18n.s(Key::DraftRestored)}</p>
            </Show>
            <StepsNav current=step checks=checks on_select=jump/>
            <form class="form card" novalidate on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
                <StepPanel checks=checks/>
                // Mounted for the whole form, shown on the details step: an upload running
                // while the user moves to another step still lands in the draft.
                <div hidden=move || step.get() != Step::Details>
                    <AttachmentPicker id="case-files" busy=uploads_busy
                upload=use_attachment_upload() rules=use_attachment_rules()
                        attached=Signal::derive(move || draft.with(|d| d.attachments.clone()))
                        on_add=Callback::new(move |a| draft.update(|d| d.attachments.push(a)))
                        on_remove=Callback::new(move |id: String| {
                            draft.update(|d| d.attachments.retain(|a| a.id != id));
                            checks.edited("attachments");
                        })/>
                    <p id="case-files-error" class="field-error" role="alert">{move || files_error.get()}</p>
                </div>
                <Show when=move || wait_for_uploads.get() && uploads_busy.get()>
                    <p class="notice error" role="alert">{i18n.s(Key::WaitForUploads)}</p>
                </Show>
                {move || match server_error.get() {
                    Some(ApiError::AlreadyFiled { case_id }) => view! {
                        <div class="notice error" role="alert">
                            <p>{i18n.s(Key::ErrAlreadyFiled)}</p>
                            <p class="actions">
                                <AppLink href=format!("/cases/{case_id}")>{i18n.s(Key::OpenFiledCase)}</AppLink>
                                <button type="button" class="button" on:click=file_as_new>{i18n.s(Key::FileAsNewCase)}</button>
                            </p>
                        </div>
                    }.into_any(),
                    Some(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    None => ().into_any(),
                }}
                <div class="wizard-buttons">
                    <Show when=move || step.get() != Step::Product>
                        <button type="button" class="button" on:click=move |_| jump.run(step.get_untracked().previous())>
                            {i18n.s(Key::Back)}
                        </button>
                    </Show>
                    {move || if step.get() == Step::Review {
                        view! {
                            <button type="button" class="button primary" disabled=move || submit.pending().get() on:click=on_submit>
                                {move || if submit.pending().get() { i18n.t(Key::Submitting) } else { i18n.t(Key::SubmitCase) }}
                            </button>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" class="button primary" on:click=next>
                                {i18n.s(Key::Next)}
                            </button>
                        }.into_any()
                    }}
                    <button type="button" class="button" on:click=move |_| discard.run(())>{i18n.s(Key::DiscardDraft)}</button>
                </div>
                <p class="hint">
                    {i18n.s(Key::DraftKept)}
                    // Only once the draft as shown is committed on this device.
                    {move || (kept.saved.get() && !draft.with(CaseDraft::is_blank))
                        .then(|| [" ", i18n.t(Key::SavedOnDevice)].concat())}
                </p>
            </form>
        </Show>
    }
}
