use crate::api::{ApiError, Upload};
use crate::domain::{check_file, limit_mb, media_type, FileRefusal};
use crate::i18n::{format_kilobytes, use_i18n, Key};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use support_contract::cases::Attachment;
use support_contract::AttachmentRules;
use wasm_bindgen::JsCast;

/// A chosen file on its way: checked, uploading, refused or failed.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    Uploading { progress: f64 },
    Refused(FileRefusal),
    Failed(ApiError),
}

impl Pending {
    /// What the row shows, whatever the figures: only a change of this rebuilds it.
    fn kind(&self) -> Kind {
        match self {
            Pending::Uploading { .. } => Kind::Uploading,
            Pending::Refused(_) => Kind::Refused,
            Pending::Failed(_) => Kind::Failed,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Uploading,
    Refused,
    Failed,
}

#[derive(Clone, Debug, PartialEq)]
struct Item {
    local: u32,
    name: String,
    state: Pending,
}

/// Choose or drop files: each is checked against the backend's rules before upload, shows its
/// progress, can be retried when the upload fails and removed at any time. Uploaded files are
/// handed to `attached`, which the form keeps (and a draft saves).
#[component]
pub fn AttachmentPicker(
    id: &'static str,
    upload: Upload,
    #[prop(into)] rules: Signal<AttachmentRules>,
    #[prop(into)] attached: Signal<Vec<Attachment>>,
    on_add: Callback<Attachment>,
    on_remove: Callback<String>,
    /// Set to the picker's busy state, so the form can hold its submit.
    busy: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = RwSignal::new(Vec::<Item>::new());
    // The chosen files, kept for a retry; browser objects stay out of reactive state.
    let files = StoredValue::new_local(HashMap::<u32, web_sys::File>::new());
    let next_id = StoredValue::new(0u32);
    Effect::new(move |_| {
        busy.set(items.with(|i| i.iter().any(|x| !matches!(x.state, Pending::Refused(_)))))
    });
    let rules = move || rules.get();
    // Callbacks made for an upload belong to the picker, not to the row whose button started
    // it: a row is replaced as its file changes state, the upload goes on.
    let owner = Owner::current().unwrap_or_default();

    let set_state = move |local: u32, state: Pending| {
        items.update(|list| {
            if let Some(item) = list.iter_mut().find(|i| i.local == local) {
                item.state = state;
            }
        })
    };
    let upload = move |local: u32| {
        let Some(file) = files.with_value(|f| f.get(&local).cloned()) else {
            return;
        };
        set_state(local, Pending::Uploading { progress: 0.0 });
        let progress = owner.with(|| {
            Callback::new(move |p: f64| set_state(local, Pending::Uploading { progress: p }))
        });
        let kind = media_type(&file.name(), &file.type_());
        spawn_local(async move {
            match upload.run((file, kind, progress)).await {
                Ok(attachment) => {
                    items.update(|l| l.retain(|i| i.local != local));
                    files.update_value(|f| {
                        f.remove(&local);
                    });
                    // The form may be gone meanwhile; the upload then stays unattached.
                    on_add.try_run(attachment);
                }
                Err(e) => set_state(local, Pending::Failed(e)),
            }
        });
    };
    let upload = StoredValue::new(upload);
    let add_files = move |list: web_sys::FileList| {
        let rules = rules();
        if rules.types.is_empty() {
            return;
        }
        for n in 0..list.length() {
            let Some(file) = list.item(n) else { continue };
            let local = next_id.get_value();
            next_id.set_value(local + 1);
            let size = file.size() as u64;
            let check = check_file(size, &media_type(&file.name(), &file.type_()), &rules);
            let state = match check {
                Ok(()) => Pending::Uploading { progress: 0.0 },
                Err(refusal) => Pending::Refused(refusal),
            };
            items.update(|l| {
                l.push(Item {
                    local,
                    name: file.name(),
                    state,
                })
            });
            if check.is_ok() {
                files.update_value(|f| {
                    f.insert(local, file);
                });
                upload.with_value(|u| u(local));
            }
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(list) = input.files() {
            add_files(list);
        }
        // Choosing the same file again after removing it must fire `change` again.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
            add_files(list);
        }
    };
    let hint_id = format!("{id}-hint");
    let hint = move || {
        let mb = limit_mb(&rules()).to_string();
        format!(
            "{} {}",
            i18n.tr(Key::AttachmentRulesHint, &[("size", &mb)]),
            i18n.t(Key::DropFiles)
        )
    };
    let refusal_text = move |name: &str, refusal: FileRefusal| match refusal {
        FileRefusal::TooLarge { max_mb } => i18n.tr(
            Key::FileTooLarge,
            &[("name", name), ("size", &max_mb.to_string())],
        ),
        FileRefusal::TypeNotAllowed => i18n.tr(Key::FileTypeRefused, &[("name", name)]),
        FileRefusal::Empty => i18n.tr(Key::FileEmpty, &[("name", name)]),
    };

    view! {
        <div class="field attachments" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
            <label for=id>{i18n.s(Key::ChooseFiles)}</label>
            <p id=hint_id.clone() class="hint">{hint}</p>
            // Until the backend's rules are known, nothing could be checked before upload.
            <input id=id type="file" multiple aria-describedby=hint_id on:change=on_pick
                disabled=move || rules().types.is_empty()/>
            <ul class="files" aria-label=i18n.s(Key::Attachments)>
                {move || attached.get().into_iter().map(|a| {
                    let remove_label = i18n.tr(Key::RemoveFile, &[("name", &a.name)]);
                    let attachment_id = a.id.clone();
                    view! {
                        <li>
                            <span>{a.name.clone()}</span>" ("{format_kilobytes(a.size, i18n.locale.get())}") "
                            <button type="button" class="link-button" aria-label=remove_label
                                on:click=move |_| on_remove.run(attachment_id.clone())>{i18n.s(Key::Remove)}</button>
                        </li>
                    }
                }).collect_view()}
                <For each=move || items.get() key=|i| i.local let:item>
                    {
                        let local = item.local;
                        let name = item.name.clone();
                        // The row stays as its file changes state; only its content follows.
                        let state = Memo::new(move |_| {
                            items.with(|l| l.iter().find(|i| i.local == local).map(|i| i.state.clone()))
                        });
                        let kind = Memo::new(move |_| state.with(|s| s.as_ref().map(Pending::kind)));
                        let progress = move || match state.get() {
                            Some(Pending::Uploading { progress }) => progress.to_string(),
                            _ => "0".to_string(),
                        };
                        let remove = move |_| {
                            items.update(|l| l.retain(|i| i.local != local));
                            files.update_value(|f| {
                                f.remove(&local);
                            });
                        };
                        let remove_label = i18n.tr(Key::RemoveFile, &[("name", &name)]);
                        let retry_label = i18n.tr(Key::RetryUpload, &[("name", &name)]);
                        move || match kind.get() {
                            Some(Kind::Uploading) => view! {
                                <li>
                                    <label>
                                        {i18n.tr(Key::UploadingFile, &[("name", &name)])}" "
                                        <progress max="1" value=progress></progress>
                                    </label>
                                </li>
                            }.into_any(),
                            Some(Kind::Refused) => {
                                let refusal = match state.get_untracked() {
                                    Some(Pending::Refused(r)) => Some(refusal_text(&name, r)),
                                    _ => None,
                                };
                                view! {
                                    <li class="field-error" role="alert">
                                        {refusal}" "
                                        <button type="button" class="link-button" aria-label=remove_label.clone() on:click=remove>{i18n.s(Key::Remove)}</button>
                                    </li>
                                }.into_any()
                            }
                            _ => {
                                let why = move || match state.get() {
                                    Some(Pending::Failed(e)) => e.message(i18n.locale.get()),
                                    _ => String::new(),
                                };
                                view! {
                                    <li class="field-error" role="alert">
                                        {i18n.tr(Key::UploadFailed, &[("name", &name)])}" "{why}" "
                                        <button type="button" class="link-button" aria-label=retry_label.clone()
                                            on:click=move |_| upload.with_value(|u| u(local))>{i18n.s(Key::TryAgain)}</button>
                                        " "
                                        <button type="button" class="link-button" aria-label=remove_label.clone() on:click=remove>{i18n.s(Key::Remove)}</button>
                                    </li>
                                }.into_any()
                            }
                        }
                    }
                </For>
            </ul>
        </div>
    }
}
