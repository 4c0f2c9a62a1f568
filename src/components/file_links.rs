use crate::i18n::{format_kilobytes, use_i18n};
use leptos::prelude::*;
use support_contract::cases::Attachment;

/// Download links for files, each with its address (`api::with_links`); the name is shown as
/// text and never used as a path.
#[component]
pub fn FileLinks(files: Vec<(String, Attachment)>) -> impl IntoView {
    let i18n = use_i18n();
    (!files.is_empty()).then(|| {
        view! {
            <ul class="files">
                {files.into_iter().map(|(href, a)| {
                    let size = move || format_kilobytes(a.size, i18n.locale.get());
                    view! { <li><a href=href download>{a.name.clone()}</a>" ("{size}")"</li> }
                }).collect_view()}
            </ul>
        }
    })
}
