//! Plain Rust rules the UI reasons with: no Leptos, no browser, tested natively.

mod attachment_check;
mod case_draft;
mod draft_field;
mod help;
mod history_chart;
mod home;
mod learning;
mod locale;
mod opening;
mod palette;
mod portal;
mod thread;
mod url;
mod user_draft;

pub use attachment_check::{check_file, limit_mb, media_type, FileRefusal};
pub use case_draft::{step_of_field, CaseDraft, Step};
pub use draft_field::DraftField;
pub use help::{heading_level, link_runs, search_text, ResultsState, Run};
pub use history_chart::{MonthChart, MonthRow};
pub use home::{cases_href, invited_users_href, open_case_statuses};
pub use learning::{apply_completion, LearningTarget};
pub use locale::negotiate_locale;
pub use opening::{minutes_of_day, opening, Opening};
pub use palette::{palette_case_search, palette_matches};
pub use portal::{phones_for_region, roles_granting, safe_return_path, strip_base};
pub use support_client::chat::{
    contiguous_seq, last_chat_seq, linkify, merge_messages, reconnect_delay_ms, ChatLine, Delivery,
    Segment,
};
pub use support_client::ids::{user_key, uuid_v4};
pub use support_contract::cases::Detail;
pub use thread::{last_seq, merge_thread};
pub use url::{decode_component, encode_component, path_segments, query_pairs, with_query};
pub use user_draft::UserDraft;
