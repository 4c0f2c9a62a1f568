//! A way for any page to open the chat panel without knowing the chat feature (features never
//! import each other): a page asks through [`ChatOpener::open`], the chat launcher listens.

use leptos::prelude::*;

/// The requests to open the chat panel, counted: each new one opens it.
#[derive(Clone, Copy)]
pub struct ChatOpener(RwSignal<u32>);

impl ChatOpener {
    /// Asks the chat panel to open (and take focus).
    pub fn open(self) {
        self.0.update(|n| *n += 1);
    }

    /// How many times it was asked so far (reactive): the launcher opens on each change.
    pub fn requests(self) -> u32 {
        self.0.get()
    }
}

/// Provides the chat opener to every part of a mount.
pub fn provide_chat_opener() {
    provide_context(ChatOpener(RwSignal::new(0)));
}

/// The chat opener, where a mount provides one.
pub fn use_chat_opener() -> Option<ChatOpener> {
    use_context::<ChatOpener>()
}
