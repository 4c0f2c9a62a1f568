use crate::i18n::{format_kilobytes, use_i18n};
use leptos::prelude::*;
use support_contract::cases::Attachment;

/// Download links for files; the name is shown as text and never used as a path.
#[component]
pub fn FileLinks(attachments: Vec<Attachment>) -> impl IntoView {
    let i18n = use_i18n();
    (!attachments.is_empty()).then(|| {
        let base = crate::api::use_runtime_config().api_base;
        view! {
            <ul class="files">
                {attachments.into_iter().map(|a| {
                    let href = format!("{}/attachments/{}", base.trim_end_matches('/'), String::from(js_sys::encode_uri_component(&a.id)));
                    let size = move || format_kilobytes(a.size, i18n.locale.get());
                    view! { <li><a href=href download>{a.name.clone()}</a>" ("{size}")"</li> }
                }).collect_view()}
            </ul>
        }
    })
}
