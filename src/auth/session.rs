use crate::api::{use_persisted, ApiError, Persisted, SessionApi};
use crate::domain::user_key;
use crate::i18n::{I18n, Locale};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::sync::Arc;
use support_contract::{Capability, ProfileUpdate, Session};

/// Where the session stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionState {
    /// Asking the backend; guards wait instead of bouncing to sign-in.
    Loading,
    SignedOut,
    SignedIn(Session),
    /// The backend could not be asked (network, server error).
    Failed(ApiError),
}

/// The session context.
#[derive(Clone, Copy)]
pub struct SessionCtx {
    pub state: RwSignal<SessionState>,
    /// True when a signed-in request came back 401: the page stays, a dialog asks to sign in.
    pub expired: RwSignal<bool>,
    i18n: I18n,
    /// A host page sets the language (its own menu): the profile's does not override it.
    host_language: StoredValue<bool>,
    /// How many times the session moved to another organisation: the pages and the chat are
    /// built again on each, so nothing of the previous organisation stays.
    switches: RwSignal<u32>,
}

impl SessionCtx {
    /// The current session, if signed in (reactive).
    pub fn session(self) -> Option<Session> {
        match self.state.get() {
            SessionState::SignedIn(s) => Some(s),
            _ => None,
        }
    }

    /// Whether the signed-in user has `capability` (reactive).
    pub fn can(self, capability: Capability) -> bool {
        self.state.with(
            |s| matches!(s, SessionState::SignedIn(s) if s.capabilities.contains(&capability)),
        )
    }

    /// Records a session from the backend and applies the profile's language and time zone.
    pub fn signed_in(self, session: Session) {
        if let Some(locale) = session
            .user
            .locale
            .filter(|_| !self.host_language.get_value())
        {
            self.i18n.switch(locale);
        }
        self.i18n.time_zone.set(session.user.time_zone.clone());
        self.expired.set(false);
        remember_signed_in(true);
        self.state.set(SessionState::SignedIn(session));
    }

    /// The user picked a language in the header: shown at once (or once its texts arrive) and,
    /// when signed in, kept in the profile. (The header shows only once the session is known,
    /// so the profile's language never arrives after a pick and undoes it.)
    pub fn pick_language(self, api: Arc<dyn SessionApi>, locale: Locale) {
        self.i18n.switch(locale);
        if !self
            .state
            .with_untracked(|s| matches!(s, SessionState::SignedIn(_)))
        {
            return;
        }
        let saved = api.update_profile(ProfileUpdate {
            locale: Some(Some(locale)),
            ..Default::default()
        });
        spawn_local(async move {
            if let Ok(session) = saved.await {
                self.refresh(session);
            }
        });
    }

    /// Replaces the session after a change the user already sees (a language switched in the
    /// header), without re-applying its language: a slow answer must not undo a newer switch.
    pub fn refresh(self, session: Session) {
        self.state.set(SessionState::SignedIn(session));
    }

    /// The session moved to another of the person's organisations (`session` is the one
    /// there): every page and the chat start again with that organisation's data.
    pub fn switched_organisation(self, session: Session) {
        self.signed_in(session);
        self.switches.update(|n| *n += 1);
    }

    /// Changes each time the session moves to another organisation; reactive.
    pub fn organisation_switches(self) -> u32 {
        self.switches.get()
    }

    /// From now on the host page, not the profile, sets the language.
    pub fn follow_host_language(self) {
        self.host_language.set_value(true);
    }

    /// Whether the host page sets the language (then the portal offers no language menu).
    pub fn host_sets_language(self) -> bool {
        self.host_language.get_value()
    }

    /// The session ended elsewhere (expiry, removal): ask to sign in again, keeping the page.
    pub fn mark_unauthorized(self) {
        if matches!(self.state.get_untracked(), SessionState::SignedIn(_)) {
            self.expired.set(true);
        }
    }

    pub fn signed_out(self) {
        remember_signed_in(false);
        self.expired.set(false);
        self.i18n.time_zone.set(None);
        self.state.set(SessionState::SignedOut);
    }
}

/// Set in this browser while someone is signed in here, so that the next visit knows, before
/// the backend answers, whether it will likely show the sign-in page. Only a flag: the session
/// itself is an `HttpOnly` cookie no script can read.
const SIGNED_IN_HERE: &str = "sp.signed-in";

fn remember_signed_in(yes: bool) {
    crate::stored::write(SIGNED_IN_HERE, if yes { "1" } else { "" });
}

/// Whether nobody was signed in in this browser when it was last used (or it never was).
pub fn likely_signed_out() -> bool {
    crate::stored::read(SIGNED_IN_HERE).is_none()
}

/// Provides the session context, initially loading.
pub fn provide_session(i18n: I18n) -> SessionCtx {
    let ctx = SessionCtx {
        state: RwSignal::new(SessionState::Loading),
        expired: RwSignal::new(false),
        i18n,
        host_language: StoredValue::new(false),
        switches: RwSignal::new(0),
    };
    provide_context(ctx);
    ctx
}

/// The session context. Panics outside `provide_session`, which is a programming error.
pub fn use_session() -> SessionCtx {
    expect_context::<SessionCtx>()
}

/// Asks the backend who is signed in (on start, and on "try again").
pub fn load_session(api: Arc<dyn SessionApi>, ctx: SessionCtx, handoff: Option<String>) {
    ctx.state.set(SessionState::Loading);
    spawn_local(async move {
        // A host's user comes signed in: its token is exchanged for the session. A refused one
        // (used, expired) leaves whatever session this browser has, or the sign-in page.
        if let Some(token) = handoff {
            if let Ok(session) = api.handoff(token).await {
                return ctx.signed_in(session);
            }
        }
        match api.session().await {
            Ok(session) => ctx.signed_in(session),
            Err(ApiError::Unauthorized) => ctx.signed_out(),
            Err(e) => ctx.state.set(SessionState::Failed(e)),
        }
    });
}

/// Input of the signed-in user's, kept on this device as it is typed (`kind` names the form,
/// `item` what in it: a case id, a field), so a reload, a crash or an ended session loses
/// nothing. With no one signed in nothing is kept. The one way drafts are keyed.
pub fn use_draft<T>(kind: &str, item: &str, initial: T) -> Persisted<T>
where
    T: Serialize + DeserializeOwned + Clone + Default + PartialEq + Send + Sync + 'static,
{
    let user = use_session().state.with_untracked(|s| match s {
        SessionState::SignedIn(s) => s.user.id.clone(),
        _ => String::new(),
    });
    use_persisted(user_key(kind, &user, item), initial)
}
