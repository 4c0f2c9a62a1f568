//! `GET /help/forums`: popular threads of the vendor's community forums.

use axum::extract::State;
use axum::Json;
use support_contract::help::ForumThread;
use support_contract::{Locale, Product};

use super::BrowseHelp;
use crate::auth::RequireCapability;
use crate::extract::ApiQuery;
use crate::problem::ApiError;
use crate::routes::query::with_language;
use crate::routes::responses::InputRefusals;
use crate::state::AppState;
use crate::store::help as store;

/// How many threads the list holds.
const THREADS: u32 = 8;

/// The most answered forum threads in the reader's language and in English (the forums' common
/// language), the reader's language first.
#[utoipa::path(
    get,
    path = "/help/forums",
    tag = "help",
    security(("session_cookie" = [])),
    params(
        ("product" = Option<Product>, Query, description = "Only this product's threads"),
        ("lang" = Option<Locale>, Query, description = "The reader's language (default: the profile's, else English)"),
    ),
    responses(
        (status = 200, description = "Up to eight threads, most answered first", body = Vec<ForumThread>),
        InputRefusals,
    )
)]
pub async fn forum_threads(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<BrowseHelp>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<Vec<ForumThread>>, ApiError> {
    let (product, language) = with_language(&pairs, &user, |r| r.choice::<Product>("product"))?;
    let conn = state.db.conn();
    Ok(Json(store::forum_threads(
        &conn, language, product, THREADS,
    )?))
}
