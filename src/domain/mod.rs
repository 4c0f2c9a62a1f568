//! Plain Rust rules the UI reasons with: no Leptos, no browser, tested natively.

mod attachment_check;
mod case_draft;
mod case_query;
mod chat;
mod ids;
mod list_params;
mod locale;
mod portal;
mod thread;
mod user_draft;

pub use attachment_check::{check_file, limit_mb, media_type, FileRefusal};
pub use case_draft::{draft_key, step_of_field, CaseDraft, Detail, Problem as DraftProblem, Step};
pub use case_query::{wire_name, CaseQuery};
pub use chat::{
    contiguous_seq, last_chat_seq, linkify, merge_messages, reconnect_delay_ms, ChatLine, Delivery,
    Segment,
};
pub use ids::uuid_v4;
pub use list_params::{ListParams, Schema, AUDIT_LOG, CURSOR, SORT, SUPPORT_USERS};
pub use locale::negotiate_locale;
pub use portal::{phones_for_region, roles_granting, safe_return_path, strip_base};
pub use thread::{last_seq, merge_thread};
pub use user_draft::{user_draft_key, UserDraft};
