//! The attachments area: uploads with progress and download addresses, shared by cases and
//! chat; and the attachment picker's upload function.

use super::core::{segment, Http};
use super::{use_api, use_portal, ApiFuture};
use leptos::prelude::*;
use support_contract::cases::Attachment;
use support_contract::AttachmentRules;

/// What the app asks of the backend about files.
pub trait AttachmentsApi: Send + Sync {
    /// `POST /attachments`: uploads a file, telling `progress` the share sent so far (0..=1).
    fn upload_attachment(
        &self,
        file: web_sys::File,
        media_type: String,
        progress: Callback<f64>,
    ) -> ApiFuture<Attachment>;
    /// The download address of an attachment (`GET /attachments/{id}`).
    fn attachment_url(&self, id: &str) -> String;
}

impl AttachmentsApi for Http {
    fn upload_attachment(
        &self,
        file: web_sys::File,
        media_type: String,
        progress: Callback<f64>,
    ) -> ApiFuture<Attachment> {
        let name = segment(&file.name());
        self.post("/attachments")
            .header("Content-Type", media_type)
            .header("X-File-Name", name)
            .upload(file, progress)
    }

    fn attachment_url(&self, id: &str) -> String {
        self.url(&format!("/attachments/{}", segment(id)))
    }
}

/// Uploads a file (with its media type), reporting progress from 0 to 1: what the attachment
/// picker is given, so that the picker itself never calls the backend.
pub type Upload = Callback<(web_sys::File, String, Callback<f64>), ApiFuture<Attachment>>;

/// Uploads through the backend in context, for the attachment picker.
pub fn use_attachment_upload() -> Upload {
    let files = use_api::<dyn AttachmentsApi>();
    Callback::new(
        move |(file, kind, progress): (web_sys::File, String, Callback<f64>)| {
            files.upload_attachment(file, kind, progress)
        },
    )
}

/// Files with their download addresses, for `components::FileLinks`.
pub fn with_links(attachments: Vec<Attachment>) -> Vec<(String, Attachment)> {
    let files = use_api::<dyn AttachmentsApi>();
    attachments
        .into_iter()
        .map(|a| (files.attachment_url(&a.id), a))
        .collect()
}

/// The backend's attachment limits, from the portal configuration (none until it has loaded).
pub fn use_attachment_rules() -> Signal<AttachmentRules> {
    let portal = use_portal();
    Signal::derive(move || {
        portal
            .get()
            .and_then(|r| r.ok())
            .map(|p| p.attachments)
            .unwrap_or_default()
    })
}
