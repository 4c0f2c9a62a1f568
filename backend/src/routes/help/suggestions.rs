//! `GET /help/suggestions`: help articles suggested while a case is being written.

use axum::extract::State;
use axum::Json;
use support_contract::help::HelpSuggestion;
use support_contract::{Locale, Product};

use super::BrowseHelp;
use crate::auth::RequireCapability;
use crate::extract::ApiQuery;
use crate::help::suggest;
use crate::problem::ApiError;
use crate::routes::query::with_language;
use crate::routes::responses::InputRefusals;
use crate::state::AppState;

/// The longest text read for suggestions; the rest is ignored.
const TEXT_MAX: usize = 2_000;

/// Help articles for a case's title and description as they are typed: the same search as
/// `GET /help/articles`, but any word counts, and the case's `product` comes first. In the
/// reader's language, else in English; each links to its page in the portal.
#[utoipa::path(
    get,
    path = "/help/suggestions",
    tag = "help",
    security(("session_cookie" = [])),
    params(
        ("q" = String, Query, description = "The text typed so far (the first 2,000 characters are read)"),
        ("product" = Option<Product>, Query, description = "The case's product: its articles first"),
        ("lang" = Option<Locale>, Query, description = "The reader's language (default: the profile's, else English)"),
    ),
    responses(
        (status = 200, description = "Up to five articles, best first", body = Vec<HelpSuggestion>),
        InputRefusals,
    )
)]
pub async fn help_suggestions(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<BrowseHelp>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<Vec<HelpSuggestion>>, ApiError> {
    let ((text, product), language) = with_language(&pairs, &user, |r| {
        let text: String = r.one("q").unwrap_or("").chars().take(TEXT_MAX).collect();
        (text, r.choice::<Product>("product"))
    })?;
    let conn = state.db.conn();
    Ok(Json(suggest(
        &conn,
        &text,
        product,
        language,
        &state.public_url,
    )?))
}
