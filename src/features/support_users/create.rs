use super::AdminTabs;
use crate::api::{field_error, random_id, use_api, ApiError, SupportUsersApi};
use crate::auth::use_draft;
use crate::components::{AppLink, ErrorNotice, TextField};
use crate::domain::UserDraft;
use crate::i18n::{role_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::{Role, SupportUser, UserStatus};

/// Add a support user: email, name and role, with what each role may do. The form is kept on
/// the device as it is typed, so a failed submit, a reload or an expired session loses nothing.
/// A creation carries a key made of the form's own random part and what it says: sending the
/// same form again after a lost answer answers the user it made, never "already exists".
#[component]
pub fn CreateSupportUserPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn SupportUsersApi>();
    const FORM: &str = "draft:new-support-user";
    let email = use_draft(FORM, "email", String::new()).value;
    let name = use_draft(FORM, "name", String::new()).value;
    let role = use_draft(FORM, "role", None::<Role>).value;
    let salt = use_draft(FORM, "key", String::new()).value;
    let tried = RwSignal::new(false);
    let draft = move || UserDraft {
        email: email.get(),
        name: name.get(),
        role: role.get(),
    };

    let create = Action::new_local(move |(d, key): &(UserDraft, String)| {
        let api = api.clone();
        let request = d.to_request();
        let key = key.clone();
        async move {
            match request {
                Some(r) => api.create_support_user(r, key).await,
                None => Err(ApiError::Validation(vec![])),
            }
        }
    });
    let created = RwSignal::new(None::<SupportUser>);
    Effect::new(move |_| {
        if let Some(Ok(user)) = create.value().get() {
            created.set(Some(user));
            tried.set(false);
            email.set(String::new());
            name.set(String::new());
            role.set(None);
            salt.set(String::new());
        }
    });
    let error_for = move |field: &'static str| {
        Signal::derive(move || {
            let local = tried
                .get()
                .then(|| draft().problems().into_iter().find(|(f, _)| *f == field))
                .flatten()
                .map(|(_, code)| code);
            match create.value().get().and_then(Result::err) {
                Some(ApiError::DuplicateUser) if field == "email" && local.is_none() => {
                    Some(i18n.t(Key::ErrDuplicateUser).to_string())
                }
                answer => {
                    let refused = answer.as_ref().map_or(&[][..], ApiError::field_errors);
                    field_error(field, local, refused, i18n.locale.get())
                }
            }
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        created.set(None);
        let d = draft();
        if d.problems().is_empty() {
            if salt.with_untracked(String::is_empty) {
                salt.set(random_id());
            }
            let key = d.key(&salt.get_untracked());
            create.dispatch((d, key));
        }
    };
    let general_error = move || match create.value().get() {
        Some(Err(ApiError::Validation(_) | ApiError::DuplicateUser)) => None,
        Some(Err(e)) => Some(view! { <ErrorNotice error=e/> }),
        _ => None,
    };
    let role_error = error_for("role");
    view! {
        <div class="page narrow">
            <h1 id="page-title">{i18n.s(Key::AddSupportUser)}</h1>
            <AdminTabs/>
            <div role="status">
                {move || created.get().map(|u| view! { <Created user=u/> })}
            </div>
            {general_error}
            <form class="card form" novalidate on:submit=submit>
                <TextField id="new-user-email".into() label=Key::Email kind="email" autocomplete="off"
                    value=email error=error_for("email")/>
                <TextField id="new-user-name".into() label=Key::ColName kind="text" autocomplete="off"
                    value=name error=error_for("name")/>
                <fieldset class="choices" aria-describedby="new-user-role-error"
                    aria-invalid=move || role_error.get().is_some().to_string()>
                    <legend>{i18n.s(Key::ColRole)}</legend>
                    {[(Role::CustomerSupportAdmin, Key::RoleMeaningCsa), (Role::SupportSystemAdmin, Key::RoleMeaningSsa)]
                        .into_iter().map(|(r, meaning)| {
                            let id = format!("new-user-role-{}", support_contract::wire::wire_name(&r));
                            let hint = format!("{id}-hint");
                            view! {
                                <div class="choice">
                                    <input type="radio" name="new-user-role" id=id.clone() aria-describedby=hint.clone()
                                        prop:checked=move || role.get() == Some(r)
                                        on:change=move |_| role.set(Some(r))/>
                                    <label for=id>{i18n.s(role_key(Some(r)))}</label>
                                    <p id=hint class="hint">{i18n.s(meaning)}</p>
                                </div>
                            }
                        }).collect_view()}
                    <p id="new-user-role-error" class="field-error">{move || role_error.get()}</p>
                </fieldset>
                <p class="hint">{i18n.s(Key::InvitationExplained)}</p>
                <button type="submit" class="button primary" disabled=move || create.pending().get()>
                    {i18n.s(Key::CreateAndInvite)}
                </button>
            </form>
        </div>
    }
}

/// What happened after creating: an invitation for a new person, or a role for an existing one.
#[component]
fn Created(user: SupportUser) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/support-users/{}", user.id);
    let text = move || {
        let args = [("name", user.name.as_str()), ("email", user.email.as_str())];
        match user.status {
            UserStatus::Invited => i18n.tr(Key::InvitationSent, &args),
            _ => i18n.tr(Key::RoleGranted, &args),
        }
    };
    view! {
        <div class="notice success">
            <p>{text}</p>
            <AppLink href=href>{i18n.s(Key::OpenUserPage)}</AppLink>
        </div>
    }
}
