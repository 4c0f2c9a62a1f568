//! `/learning`: the "Get started" material meant for the caller, in their language, with their
//! own completion; and marking an item done or not done (both idempotent). Every handler
//! requires `browse_help` (training material is part of help), which every role has. Items for
//! the support roles only are not found for a member.

use axum::extract::{Path, State};
use axum::Json;
use support_contract::learning::{Audience, Learning, LearningCompletion, LearningGlance};
use support_contract::Locale;

use crate::auth::{CurrentUser, RequireCapability};
use crate::clock::{self, ts};
use crate::extract::ApiQuery;
use crate::problem::ApiError;
use crate::routes::help::BrowseHelp;
use crate::routes::query::with_language;
use crate::routes::responses::{InputRefusals, ItemRefusals};
use crate::state::AppState;
use crate::store::learning as store;

/// The items meant for the caller, in the vendor's order, in the caller's language (else
/// English), each with when the caller marked it done; and how many of them are done.
#[utoipa::path(
    get,
    path = "/learning",
    tag = "learning",
    security(("session_cookie" = [])),
    params(
        ("lang" = Option<Locale>, Query, description = "The reader's language (default: the profile's, else English)"),
    ),
    responses(
        (status = 200, description = "The caller's learning material and progress", body = Learning),
        InputRefusals,
    )
)]
pub async fn learning(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<BrowseHelp>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<Learning>, ApiError> {
    let ((), language) = with_language(&pairs, &user, |_| ())?;
    let audiences = Audience::of(user.user.role);
    let conn = state.db.conn();
    let items = store::items(&conn, &user.user.id, language, &audiences)?;
    // Every item meant for the caller is listed (in English when not in their language), so
    // the progress is counted from the list, not asked for again.
    let progress = LearningGlance::of(&items).progress;
    Ok(Json(Learning { items, progress }))
}

/// Marks `id` done, or not done, for the caller, after checking it is meant for them.
fn complete(
    state: &AppState,
    user: &CurrentUser,
    id: String,
    done: bool,
) -> Result<LearningCompletion, ApiError> {
    let me = &user.user.id;
    let audiences = Audience::of(user.user.role);
    state.db.transaction(|tx| {
        if !store::item_exists(tx, &id, &audiences)? {
            return Err(ApiError::not_found());
        }
        let done_at = if done {
            Some(ts(store::mark_done(tx, me, &id, clock::now())?))
        } else {
            store::mark_not_done(tx, me, &id)?;
            None
        };
        let progress = store::progress(tx, me, &audiences)?;
        Ok(LearningCompletion {
            id,
            done_at,
            progress,
        })
    })
}

/// Marks an item done for the caller. Marking it again changes nothing (it keeps the time it
/// was first marked). Only the caller's own progress moves.
#[utoipa::path(
    put,
    path = "/learning/{id}/done",
    tag = "learning",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "The item's id")),
    responses(
        (status = 200, description = "The item, done, and the caller's progress", body = LearningCompletion),
        ItemRefusals,
    )
)]
pub async fn mark_learning_done(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<BrowseHelp>,
    Path(id): Path<String>,
) -> Result<Json<LearningCompletion>, ApiError> {
    Ok(Json(complete(&state, &user, id, true)?))
}

/// Marks an item not done for the caller; one that was not done stays so.
#[utoipa::path(
    delete,
    path = "/learning/{id}/done",
    tag = "learning",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "The item's id")),
    responses(
        (status = 200, description = "The item, not done, and the caller's progress", body = LearningCompletion),
        ItemRefusals,
    )
)]
pub async fn mark_learning_not_done(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<BrowseHelp>,
    Path(id): Path<String>,
) -> Result<Json<LearningCompletion>, ApiError> {
    Ok(Json(complete(&state, &user, id, false)?))
}
