//! `GET /help/articles` (search) and `GET /help/articles/{slug}` (one article).

use axum::extract::{Path, State};
use axum::Json;
use support_contract::help::{is_slug, HelpArticle, HelpResults};
use support_contract::{Locale, Product};

use super::params::{cursor_at, search_params};
use super::BrowseHelp;
use crate::auth::RequireCapability;
use crate::extract::ApiQuery;
use crate::help::{self, Scope, Search};
use crate::problem::ApiError;
use crate::routes::query::with_language;
use crate::routes::responses::{InputRefusals, ItemInputRefusals};
use crate::search::Combine;
use crate::state::AppState;

/// Help articles in the reader's language: those matching `q` (every word; the last one as a
/// prefix while it is typed; accents and case ignored), best first, or without `q` every
/// article, the most recently updated first. When no article in the language matches, the
/// English ones that do, with `fallback: true`. Any text is a valid search: quotes, operators
/// and brackets are read as separators, never as search syntax.
#[utoipa::path(
    get,
    path = "/help/articles",
    tag = "help",
    security(("session_cookie" = [])),
    params(
        ("q" = Option<String>, Query, description = "Words to look for, up to 200 characters"),
        ("product" = Option<Product>, Query, description = "Only this product's articles"),
        ("lang" = Option<Locale>, Query, description = "The reader's language (default: the profile's, else English)"),
        ("limit" = Option<u32>, Query, description = "Page size, 1 to 50 (default 20)", minimum = 1, maximum = 50),
        ("cursor" = Option<String>, Query, description = "`next_cursor` of the previous page"),
    ),
    responses(
        (status = 200, description = "One page of matching articles", body = HelpResults),
        InputRefusals,
    )
)]
pub async fn search_articles(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<BrowseHelp>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<HelpResults>, ApiError> {
    let p = search_params(&pairs, &user)?;
    let found = help::search(
        &state.db.conn(),
        &Search {
            text: &p.query.q,
            combine: Combine::All,
            scope: Scope {
                language: p.language,
                product: p.query.product,
                prefer: None,
                limit: p.limit,
                offset: p.offset,
            },
        },
    )?;
    let next = p.offset + p.limit;
    Ok(Json(HelpResults {
        next_cursor: (next < found.total).then(|| cursor_at(next)),
        items: found.items,
        total: found.total,
        language: found.language,
        fallback: found.fallback,
    }))
}

/// One article in the reader's language (in English when it is not written in theirs: compare
/// `topic.language`), its body as blocks, related articles and the caller's own vote.
#[utoipa::path(
    get,
    path = "/help/articles/{slug}",
    tag = "help",
    security(("session_cookie" = [])),
    params(
        ("slug" = String, Path, description = "The article's slug"),
        ("lang" = Option<Locale>, Query, description = "The reader's language (default: the profile's, else English)"),
    ),
    responses(
        (status = 200, description = "The article", body = HelpArticle),
        ItemInputRefusals,
    )
)]
pub async fn get_article(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<BrowseHelp>,
    Path(slug): Path<String>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<HelpArticle>, ApiError> {
    let ((), language) = with_language(&pairs, &user, |_| ())?;
    if !is_slug(&slug) {
        return Err(ApiError::not_found());
    }
    let conn = state.db.conn();
    Ok(Json(help::article(&conn, &slug, language, &user.user.id)?))
}
