//! Support Portal: the single-page app, as a library so tests can mount any part of it.
//!
//! Layers (dependencies point down): `app` composes `features`; features use `auth`, `api`,
//! `components`, `domain` and `i18n`, never each other; `domain` and `i18n` are leaves.
//! See `docs/architecture.md`.

pub mod api;
pub mod app;
pub mod auth;
pub mod components;
pub mod domain;
pub mod features;
pub mod i18n;
pub mod stored;

pub use app::{mount_chat, mount_portal, start, App};
