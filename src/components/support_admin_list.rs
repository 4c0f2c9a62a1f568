use crate::i18n::{role_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::SupportContact;

/// The organisation's support administrators, whom to ask for support access: `intro`, then
/// each one's name, role and a mail link; or that there is none yet.
#[component]
pub fn SupportAdminList(list: Vec<SupportContact>, intro: Key) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p>{i18n.s(Key::NoSupportAdmins)}</p> }.into_any();
    }
    view! {
        <p>{i18n.s(intro)}</p>
        <ul class="contacts">
            {list.into_iter().map(|c| {
                let mailto = format!("mailto:{}", c.email);
                view! {
                    <li>
                        <span class="contact-name">{c.name}</span>" · "
                        <span>{i18n.s(role_key(Some(c.role)))}</span>" · "
                        <a href=mailto>{c.email}</a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
