//! `GET /home`: the home page's first screen in one answer (what needs the signed-in user,
//! instead of a case list, a count of each kind and the chats and callbacks lists; and the
//! announcements, learning progress and popular forum threads, instead of a request each); and
//! the vendor's announcements alone (`announcements`).

mod announcements;

// Glob re-exports: `routes!` needs each handler's hidden `__path_*` companion beside it.
pub use announcements::*;

use axum::extract::State;
use axum::Json;
use support_contract::cases::{CaseScope, CaseSort, CaseStatus};
use support_contract::home::{CasesNeedingYou, HomeChat, HomeSummary, HOME_CASES, HOME_THREADS};
use support_contract::learning::{Audience, LearningGlance};
use support_contract::{Capability, Locale};

use crate::auth::CurrentUser;
use crate::cases;
use crate::clock;
use crate::extract::ApiQuery;
use crate::problem::ApiError;
use crate::routes::query::with_language;
use crate::routes::responses::InputRefusals;
use crate::state::AppState;
use crate::store::cases::CaseFilter;
use crate::store::{self, home as home_store};
use crate::users::review_cutoff;

/// The home page's first screen. What needs the caller, each part only where their role
/// grants it: their own cases (filed or watched, whenever filed) awaiting their reply (how
/// many, and the five most recently updated) and open; their queued or active chat; their
/// callback requests not yet called back; and, for the Support System Administrator, the
/// organisation's support-user counts (those waiting for review, invitations not yet accepted).
/// A member gets `null` for each, and instead the organisation's support administrators, whom
/// they ask for support access (as `GET /support-contacts`). Everyone gets, in their language, the current announcements
/// (as `GET /announcements`), their learning progress with the next item (as `GET /learning`)
/// and the five most answered forum threads (as `GET /help/forums`); and the rollout phase and
/// the support phone numbers (as `GET /portal`), which the home page's banner shows.
#[utoipa::path(
    get,
    path = "/home",
    tag = "home",
    security(("session_cookie" = [])),
    params(
        ("lang" = Option<Locale>, Query, description = "The reader's language (default: the profile's, else English)"),
    ),
    responses(
        (status = 200, description = "The caller's home page", body = HomeSummary),
        InputRefusals,
    )
)]
pub async fn home_summary(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<HomeSummary>, ApiError> {
    let ((), language) = with_language(&pairs, &user, |_| ())?;
    let can = |c: Capability| user.capabilities().contains(&c);
    let (org, me) = (&user.organisation.id, &user.user.id);
    let now = clock::now();
    let conn = state.db.read();
    let audiences = Audience::of(user.user.role);
    let portal =
        crate::portal::portal_config(state.config.phase, state.config.max_attachment_bytes);
    let mut summary = HomeSummary {
        phase: portal.phase,
        phone_numbers: portal.phone_numbers,
        announcements: home_store::current_announcements(&conn, language, now)?,
        learning: LearningGlance::of(&store::learning::items(&conn, me, language, &audiences)?),
        popular_threads: store::help::forum_threads(&conn, language, None, HOME_THREADS as u32)?,
        ..HomeSummary::default()
    };
    if can(Capability::ManageCases) {
        let (awaiting_your_reply, open) = home_store::case_counts(&conn, org, me)?;
        let filter = CaseFilter {
            scope: CaseScope::Mine,
            statuses: vec![CaseStatus::AwaitingYourReply],
            products: vec![],
            priorities: vec![],
            requester: None,
            q: None,
            sort: CaseSort::UpdatedDesc,
            from: None,
            to: None,
            after: None,
        };
        let rows = store::cases::list(&conn, org, me, &filter, HOME_CASES as u32)?;
        summary.cases = Some(CasesNeedingYou {
            awaiting_your_reply,
            awaiting: rows.iter().map(|c| cases::summary(c, now)).collect(),
            open,
        });
        summary.callbacks_waiting = Some(home_store::callbacks_waiting(&conn, me)?);
    } else {
        summary.support_admins = Some(store::people::support_contacts(&conn, org)?);
    }
    if can(Capability::Chat) {
        summary.open_chat = store::chat::open_of(&conn, me)?.map(|c| HomeChat {
            id: c.id,
            status: c.status,
            topic: c.topic,
        });
    }
    if can(Capability::ManageUsers) {
        let cutoff = review_cutoff(now, state.config.review_days);
        summary.support_users = Some(store::users::counts(&conn, org, cutoff)?);
    }
    Ok(Json(summary))
}
