//! The keyboard's place in the first load: which overlay is open (the command palette or the
//! list of shortcuts), and whether the keyboard's layer is wanted. The layer (its one window
//! listener, what the keys do, the list of shortcuts) arrives in the `keys` chunk once the
//! first screen is up, or at once when the header's button asks for the palette; the palette itself is the `palette` chunk (`app::keyboard`).

use crate::auth::SessionCtx;
use crate::components::Router;
use leptos::prelude::*;

/// What the keyboard opened over the page.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Palette,
    Shortcuts,
}

/// The overlay open, whether the layer is asked for, and what the layer acts on. Provided as
/// context, for the layer from its chunk. (Flags, not an `Option<Overlay>` signal: the first
/// load already has the code of a `bool` signal.)
#[derive(Clone, Copy)]
pub struct Keys {
    palette: RwSignal<bool>,
    shortcuts: RwSignal<bool>,
    layer: RwSignal<bool>,
    pub router: Router,
    pub session: SessionCtx,
}

/// Sets a flag only when it changes: a set would rebuild what reads it (the layer, the open
/// palette with what was typed in it) even to the same value.
fn change(flag: RwSignal<bool>, to: bool) {
    if flag.get_untracked() != to {
        flag.set(to);
    }
}

impl Keys {
    pub fn new(router: Router, session: SessionCtx) -> Keys {
        Keys {
            palette: RwSignal::new(false),
            shortcuts: RwSignal::new(false),
            layer: RwSignal::new(false),
            router,
            session,
        }
    }

    /// Opens `overlay` over the page (in place of any other), fetching the layer if need be.
    pub fn open(self, overlay: Overlay) {
        change(self.palette, overlay == Overlay::Palette);
        change(self.shortcuts, overlay == Overlay::Shortcuts);
        change(self.layer, true);
    }

    /// Takes the overlay away.
    pub fn close(self) {
        change(self.palette, false);
        change(self.shortcuts, false);
    }

    /// The overlay open (reactive).
    pub fn open_now(self) -> Option<Overlay> {
        if self.palette.get() {
            Some(Overlay::Palette)
        } else if self.shortcuts.get() {
            Some(Overlay::Shortcuts)
        } else {
            None
        }
    }

    /// Whether the layer was asked for (reactive).
    pub fn layer_wanted(self) -> bool {
        self.layer.get()
    }
}
