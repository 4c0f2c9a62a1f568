//! Live chat with support: a launcher on every page for users who may chat, a panel that keeps
//! its state while the user moves between pages, and a page of past chats. It depends only on
//! the contract, domain, API, session and UI primitives, never on another feature or the
//! router, and mounts into any element (`mount_chat`). Only the launcher is in the first load:
//! the app gives it the panel, which a split build fetches as its own chunk.

mod conversation;
mod ended;
mod launcher;
mod line_states;
mod page;
mod panel;
mod past;
mod prechat;
mod session;

pub use launcher::{use_chat_launcher, ChatLauncher, ChatWidget};
pub use page::ChatsPage;
pub use panel::ChatPanel;
pub use past::PastChatPage;
