//! `GET /home`: what needs the signed-in user, in one answer for the home page's first screen
//! (instead of a case list, a count of each kind and the chats and callbacks lists); and the
//! vendor's announcements (`announcements`).

mod announcements;

// Glob re-exports: `routes!` needs each handler's hidden `__path_*` companion beside it.
pub use announcements::*;

use axum::extract::State;
use axum::Json;
use support_contract::cases::{CaseScope, CaseSort, CaseStatus};
use support_contract::home::{CasesNeedingYou, HomeSummary, HOME_CASES};
use support_contract::Capability;

use crate::auth::CurrentUser;
use crate::cases;
use crate::chat::to_contract;
use crate::clock;
use crate::problem::ApiError;
use crate::routes::responses::SignedInRefusals;
use crate::state::AppState;
use crate::store::cases::CaseFilter;
use crate::store::{self, home as home_store};
use crate::users::review_cutoff;

/// What needs the caller, each part only where their role grants it: their own cases (filed or
/// watched, whenever filed) awaiting their reply (how many, and the five most recently
/// updated) and open; their queued or active chat; their callback requests not yet called
/// back; and, for the Support System Administrator, the organisation's support-user counts
/// (those waiting for review, invitations not yet accepted). A member gets only `null`s.
#[utoipa::path(
    get,
    path = "/home",
    tag = "home",
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "What needs the caller", body = HomeSummary),
        SignedInRefusals,
    )
)]
pub async fn home_summary(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<HomeSummary>, ApiError> {
    let can = |c: Capability| user.capabilities().contains(&c);
    let (org, me) = (&user.organisation.id, &user.user.id);
    let now = clock::now();
    let conn = state.db.conn();
    let mut summary = HomeSummary::default();
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
    }
    if can(Capability::Chat) {
        summary.open_chat = store::chat::open_of(&conn, me)?
            .map(|c| to_contract(&conn, &c))
            .transpose()?;
    }
    if can(Capability::ManageUsers) {
        let cutoff = review_cutoff(now, state.config.review_days);
        summary.support_users = Some(store::users::counts(&conn, org, cutoff)?);
    }
    Ok(Json(summary))
}
