//! While a case is being written: the organisation's open cases that look like it, and
//! following one of them (as a watcher) instead of filing the same problem twice.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use support_contract::cases::{SimilarCase, SIMILAR_TEXT_MAX};
use support_contract::{FieldCode, Product};

use crate::auth::{ManageCases, RequireCapability};
use crate::cases;
use crate::clock;
use crate::extract::ApiQuery;
use crate::problem::{field, valid, ApiError};
use crate::routes::fields::choose_product;
use crate::routes::responses::{InputRefusals, ItemRefusals};
use crate::search::{match_expression, Combine};
use crate::state::AppState;
use crate::store::cases as store;

/// How many look-alikes at the most.
const SIMILAR_MAX: u32 = 5;

/// `GET /cases/similar` query.
#[derive(Deserialize)]
pub struct SimilarQuery {
    #[serde(default)]
    product: Option<String>,
    #[serde(default)]
    text: Option<String>,
}

/// Open cases of the caller's organisation and of `product` that share words with `text` (a
/// title and the start of a description), the closest first, at most five; each says whether
/// the caller follows it already. No words to look for: no cases.
#[utoipa::path(
    get,
    path = "/cases/similar",
    tag = "cases",
    security(("session_cookie" = [])),
    params(
        ("product" = Product, Query, description = "The product of the case being written"),
        ("text" = Option<String>, Query, description = "What it says so far, up to 2,000 characters"),
    ),
    responses(
        (status = 200, description = "Look-alike open cases, the closest first", body = Vec<SimilarCase>),
        InputRefusals,
    )
)]
pub async fn similar_cases(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    ApiQuery(query): ApiQuery<SimilarQuery>,
) -> Result<Json<Vec<SimilarCase>>, ApiError> {
    let mut errors = Vec::new();
    let product = match query
        .product
        .as_deref()
        .map(support_contract::wire::from_wire::<Product>)
    {
        Some(Some(p)) => Some(p),
        None => {
            errors.push(field(
                "product",
                FieldCode::Required,
                "Name the case's product.",
            ));
            None
        }
        Some(None) => {
            errors.push(field("product", FieldCode::InvalidValue, &choose_product()));
            None
        }
    };
    let text = query.text.unwrap_or_default();
    if text.chars().count() > SIMILAR_TEXT_MAX {
        errors.push(field(
            "text",
            FieldCode::TooLong,
            "Use at most 2,000 characters.",
        ));
    }
    valid(errors)?;
    let (Some(product), Some(matcher)) = (product, match_expression(&text, Combine::Any)) else {
        return Ok(Json(Vec::new()));
    };
    let conn = state.db.read();
    let (org, me, now) = (&user.organisation.id, &user.user.id, clock::now());
    let rows = store::similar(&conn, org, product, &matcher, SIMILAR_MAX, me)?;
    let found = rows
        .into_iter()
        .map(|(row, following)| SimilarCase {
            following,
            summary: cases::summary(&row, now),
        })
        .collect();
    Ok(Json(found))
}

/// Follow a case of the organisation: the caller becomes one of its watchers, told of its
/// progress like its requester. Following it again changes nothing.
#[utoipa::path(
    put,
    path = "/cases/{id}/watchers/me",
    tag = "cases",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 204, description = "The caller watches the case (or filed it)"),
        ItemRefusals,
    )
)]
pub async fn follow_case(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let (org, me) = (&user.organisation.id, &user.user.id);
    state.db.transaction(|tx| {
        let case = store::load(tx, &id, Some(org))?;
        if case.requester.id != *me {
            store::watch(tx, &case.id, me)?;
        }
        Ok::<_, ApiError>(())
    })?;
    Ok(StatusCode::NO_CONTENT)
}
