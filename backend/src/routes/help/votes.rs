//! `PUT /help/articles/{slug}/vote`: "Was this helpful?".

use axum::extract::{Path, State};
use axum::Json;
use serde::Deserialize;
use support_contract::help::{is_slug, HelpVote, NewHelpVote, HELP_COMMENT_MAX};
use support_contract::FieldCode;

use super::BrowseHelp;
use crate::auth::RequireCapability;
use crate::clock;
use crate::extract::ApiJson;
use crate::problem::{field, valid, ApiError};
use crate::routes::fields::too_long;
use crate::routes::responses::ItemInputRefusals;
use crate::state::AppState;
use crate::store::help as store;

/// The vote as received: `helpful` optional, so that a missing one is a field error.
#[derive(Deserialize)]
pub struct VoteForm {
    #[serde(default)]
    helpful: Option<bool>,
    #[serde(default)]
    comment: Option<String>,
}

fn validate(form: VoteForm) -> Result<NewHelpVote, ApiError> {
    let mut errors = Vec::new();
    if form.helpful.is_none() {
        errors.push(field(
            "helpful",
            FieldCode::Required,
            "Say whether the article helped.",
        ));
    }
    too_long(
        &mut errors,
        "comment",
        form.comment.as_deref(),
        HELP_COMMENT_MAX,
    );
    valid(errors)?;
    Ok(NewHelpVote {
        helpful: form.helpful.unwrap_or_default(),
        comment: form.comment,
    })
}

/// The caller's answer to "Was this helpful?" for an article (whichever language they read):
/// one per user and article, replaced by a new one. The comment is optional (at most 1,000
/// characters); only its author reads it back, with the article.
#[utoipa::path(
    put,
    path = "/help/articles/{slug}/vote",
    tag = "help",
    security(("session_cookie" = [])),
    params(("slug" = String, Path, description = "The article's slug")),
    request_body = NewHelpVote,
    responses(
        (status = 200, description = "The vote as recorded", body = HelpVote),
        ItemInputRefusals,
    )
)]
pub async fn vote_on_article(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<BrowseHelp>,
    Path(slug): Path<String>,
    ApiJson(form): ApiJson<VoteForm>,
) -> Result<Json<HelpVote>, ApiError> {
    let vote = validate(form)?;
    let me = &user.user.id;
    let recorded = state.db.transaction(|tx| {
        if !is_slug(&slug) || !store::slug_exists(tx, &slug)? {
            return Err(ApiError::not_found());
        }
        Ok::<_, ApiError>(store::set_vote(tx, me, &slug, &vote, clock::now())?)
    })?;
    Ok(Json(recorded))
}
