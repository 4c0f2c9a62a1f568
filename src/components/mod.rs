//! Shared UI pieces. They never call the backend: they show what they are given.

mod app_link;
mod attachment_picker;
mod chat_opener;
mod counts;
mod data_table;
mod error_notice;
mod file_links;
mod forum_thread;
mod host;
mod language_select;
mod linked_text;
mod list_url;
mod loading;
mod phase_banner;
pub mod preferences;
mod progress;
mod router;
mod search_form;
mod select_field;
mod support_admin_list;
mod text_field;

pub use app_link::{portal_href, use_go_to, AppLink, GoTo};
pub use attachment_picker::AttachmentPicker;
pub use chat_opener::{provide_chat_opener, use_chat_opener, ChatOpener};
pub use counts::{CountTiles, SemicolonChoice};
pub use data_table::DataTable;
pub use error_notice::ErrorNotice;
pub use file_links::FileLinks;
pub use forum_thread::ForumThreadItem;
pub use host::{provide_host, tell_host, use_host, Host};
pub use language_select::LanguageSelect;
pub use linked_text::LinkedText;
pub use list_url::{use_list_url, FilterPanel, ListSearch, ListUrl, Pager};
pub use loading::{
    after_first_screen, first_screen_is_up, first_screen_up, provide_first_screen, Hold,
    LoadingIndicator, Settled,
};
pub use phase_banner::PhaseBanner;
pub use progress::ProgressMeter;
pub use router::{
    try_use_router, use_query, use_route_param, use_router, Redirect, Router, Routes,
};
pub use search_form::SearchForm;
pub use select_field::{first_wire, people_options, wire_options, DateField, Label, SelectField};
pub use support_admin_list::SupportAdminList;
pub use text_field::TextField;
