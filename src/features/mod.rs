//! One folder per capability area. Features never import each other; `app` composes them.

pub mod cases;
pub mod chat;
pub mod contact;
pub mod help;
pub mod history;
pub mod home;
pub mod learning;
pub mod settings;
pub mod support_users;
