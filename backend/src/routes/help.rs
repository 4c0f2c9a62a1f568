//! `/help/suggestions`: help articles suggested while a case is being written.

use axum::Json;
use serde::Deserialize;
use support_contract::cases::HelpSuggestion;

use crate::auth::CurrentUser;
use crate::extract::ApiQuery;
use crate::help::suggest;
use crate::routes::responses::Unauthenticated;

/// The query of the suggestions.
#[derive(Deserialize)]
pub struct SuggestionQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    product: Option<String>,
}

/// Help articles matching the words of a case's title and description as it is typed. Open to
/// every signed-in user.
#[utoipa::path(
    get,
    path = "/help/suggestions",
    tag = "help",
    security(("session_cookie" = [])),
    params(
        ("q" = String, Query, description = "The text typed so far"),
        ("product" = Option<support_contract::Product>, Query, description = "Only this product's articles"),
    ),
    responses(
        (status = 200, description = "Up to five articles, best first", body = Vec<HelpSuggestion>),
        (status = 401, response = Unauthenticated),
    )
)]
pub async fn help_suggestions(
    _current: CurrentUser,
    ApiQuery(query): ApiQuery<SuggestionQuery>,
) -> Json<Vec<HelpSuggestion>> {
    let q: String = query.q.chars().take(2_000).collect();
    Json(suggest(
        &q,
        query.product.as_deref().filter(|p| !p.is_empty()),
    ))
}
