//! Live chat with support: a launcher on every page for users who may chat, a panel that keeps
//! its state while the user moves between pages, and a page of past chats. It depends only on
//! the contract, domain, API, session and UI primitives, never on another feature or the
//! router, and mounts into any element (`mount_chat`), so it can later ship as its own small
//! bundle.

mod conversation;
mod ended;
mod page;
mod past;
mod prechat;
mod session;
mod widget;

pub use page::ChatsPage;
pub use past::PastChatPage;
pub use widget::ChatWidget;
