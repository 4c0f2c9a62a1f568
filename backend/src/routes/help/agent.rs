//! `PUT /agent/v1/help/articles/{slug}/{language}`: the vendor writes an article.

use axum::extract::{Path, State};
use axum::Json;
use serde::Deserialize;
use support_contract::help::{
    is_slug, HelpArticle, HelpArticleDraft, HELP_BODY_MAX, HELP_SUMMARY_MAX, HELP_TAGS_MAX,
    HELP_TAG_MAX, HELP_TITLE_MAX,
};
use support_contract::wire::from_wire;
use support_contract::{FieldCode, Locale, Product};

use crate::clock;
use crate::extract::ApiJson;
use crate::help;
use crate::problem::{field, valid, ApiError};
use crate::routes::agent::Agent;
use crate::routes::fields::{required_product, required_text, too_long};
use crate::routes::responses::AgentInputRefusals;
use crate::seed::help::write_article;
use crate::state::AppState;

/// An article version as received: every field optional, so that a missing one is a field
/// error.
#[derive(Deserialize)]
pub struct DraftForm {
    #[serde(default)]
    product: Option<Product>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
}

fn validate(form: DraftForm) -> Result<HelpArticleDraft, ApiError> {
    let mut errors = Vec::new();
    let product = required_product(&mut errors, form.product);
    let title = required_text(&mut errors, "title", form.title.as_deref(), HELP_TITLE_MAX);
    let summary = required_text(
        &mut errors,
        "summary",
        form.summary.as_deref(),
        HELP_SUMMARY_MAX,
    );
    let body = required_text(&mut errors, "body", form.body.as_deref(), HELP_BODY_MAX);
    let tags: Vec<String> = form
        .tags
        .iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    if tags.len() > HELP_TAGS_MAX {
        errors.push(field(
            "tags",
            FieldCode::TooMany,
            &format!("Use at most {HELP_TAGS_MAX} tags."),
        ));
    }
    for tag in &tags {
        too_long(&mut errors, "tags", Some(tag), HELP_TAG_MAX);
    }
    valid(errors)?;
    Ok(HelpArticleDraft {
        product: product.unwrap_or_default(),
        title: title.trim().to_string(),
        summary: summary.trim().to_string(),
        body,
        tags,
    })
}

/// Writes one language version of an article, creating the article or replacing that version:
/// Markdown in, the article as readers get it out. Articles are public to every organisation.
#[utoipa::path(
    put,
    path = "/help/articles/{slug}/{language}",
    tag = "agent",
    security(("agent_token" = [])),
    params(
        ("slug" = String, Path, description = "Lowercase letters, digits and hyphens, at most 80"),
        ("language" = Locale, Path, description = "The version's language"),
    ),
    request_body = HelpArticleDraft,
    responses(
        (status = 200, description = "The article as readers get it in that language", body = HelpArticle),
        AgentInputRefusals,
    )
)]
pub async fn agent_write_article(
    State(state): State<AppState>,
    _agent: Agent,
    Path((slug, language)): Path<(String, String)>,
    ApiJson(form): ApiJson<DraftForm>,
) -> Result<Json<HelpArticle>, ApiError> {
    let mut errors = Vec::new();
    if !is_slug(&slug) {
        errors.push(field(
            "slug",
            FieldCode::InvalidValue,
            "Use lowercase letters, digits and single hyphens.",
        ));
    }
    let language = from_wire::<Locale>(&language);
    if language.is_none() {
        errors.push(field(
            "language",
            FieldCode::InvalidLocale,
            "Use en, fr or es.",
        ));
    }
    valid(errors)?;
    let draft = validate(form)?;
    let language = language.unwrap_or_default();
    let article = state.db.transaction(|tx| {
        write_article(tx, &slug, language, &draft, clock::now())?;
        help::article(tx, &slug, language, "")
    })?;
    Ok(Json(article))
}
