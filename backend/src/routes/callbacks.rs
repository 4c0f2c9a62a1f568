//! `/callbacks`: asking support to phone, as a customer, and `/agent/v1/callbacks`, the vendor's
//! side. Callbacks are a phone channel, so they are open in every phase (setup included). A
//! user sees only their own requests; agents see those of every organisation.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use support_contract::callbacks::{
    Callback, CallbackStatus, NewCallback, CALLBACK_TOPIC_MAX, PREFERRED_TIME_MAX,
};
use support_contract::FieldCode;
use support_contract::Product;

use crate::auth::{ManageCases, RequireCapability};
use crate::clock;
use crate::extract::{ApiJson, ApiQuery};
use crate::problem::{field, valid, ApiError};
use crate::routes::agent::{Agent, StatusQuery};
use crate::routes::fields::{
    choose_product, required_phone, required_text, too_long, PHONE_EXAMPLE,
};
use crate::routes::responses::{
    AgentInputRefusals, AgentRefusals, InputRefusals, SignedInRefusals,
};
use crate::state::AppState;
use crate::store::callbacks as store;

/// `POST /callbacks` body as received: every field optional, so that a missing one is a field
/// error (`required`) rather than unreadable JSON.
#[derive(Deserialize)]
pub struct CallbackForm {
    #[serde(default)]
    product: Option<Product>,
    #[serde(default)]
    phone: Option<String>,
    #[serde(default)]
    topic: Option<String>,
    #[serde(default)]
    preferred_time: Option<String>,
}

fn validate(form: CallbackForm) -> Result<NewCallback, ApiError> {
    let mut errors = Vec::new();
    match form.product {
        None => errors.push(field("product", FieldCode::Required, "Choose a product.")),
        Some(Product::Unknown) => {
            errors.push(field("product", FieldCode::InvalidValue, &choose_product()))
        }
        Some(_) => {}
    }
    let phone = required_phone(
        &mut errors,
        "phone",
        form.phone,
        "Enter the phone to call.",
        PHONE_EXAMPLE,
    );
    let topic = required_text(
        &mut errors,
        "topic",
        form.topic.as_deref(),
        CALLBACK_TOPIC_MAX,
    );
    let preferred_time = form.preferred_time.unwrap_or_default();
    too_long(
        &mut errors,
        "preferred_time",
        Some(&preferred_time),
        PREFERRED_TIME_MAX,
    );
    valid(errors)?;
    Ok(NewCallback {
        product: form.product.unwrap_or_default(),
        phone,
        topic: topic.trim().to_string(),
        preferred_time: preferred_time.trim().to_string(),
    })
}

/// Ask support to phone: the product, the number (international form), what it is about
/// (1 to 500 characters) and, optionally, when suits (at most 200 characters). Open in every
/// phase, setup included: the phone is the channel that is always there.
#[utoipa::path(
    post,
    path = "/callbacks",
    tag = "callbacks",
    security(("session_cookie" = [])),
    request_body = NewCallback,
    responses(
        (status = 201, description = "Requested (listed by `GET /callbacks`)", body = Callback),
        InputRefusals,
    )
)]
pub async fn request_callback(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    ApiJson(form): ApiJson<CallbackForm>,
) -> Result<(StatusCode, Json<Callback>), ApiError> {
    let new = validate(form)?;
    let (org, me) = (&user.organisation.id, &user.user.id);
    let callback = state
        .db
        .transaction(|tx| store::insert(tx, org, me, &new, clock::now()))?;
    Ok((StatusCode::CREATED, Json(callback)))
}

/// The signed-in user's callback requests, newest first.
#[utoipa::path(
    get,
    path = "/callbacks",
    tag = "callbacks",
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "The user's requests, newest first", body = Vec<Callback>),
        SignedInRefusals,
    )
)]
pub async fn list_callbacks(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
) -> Result<Json<Vec<Callback>>, ApiError> {
    let conn = state.db.conn();
    Ok(Json(store::list_of(&conn, &user.user.id)?))
}

/// The callback requests of every organisation, oldest first: `status=requested` (still to
/// call), `status=done`, or both without `status`.
#[utoipa::path(
    get,
    path = "/callbacks",
    tag = "agent",
    security(("agent_token" = [])),
    params(("status" = Option<String>, Query, description = "`requested` or `done`; both when absent")),
    responses(
        (status = 200, description = "Requests, oldest first", body = Vec<Callback>),
        AgentInputRefusals,
    )
)]
pub async fn agent_callbacks(
    State(state): State<AppState>,
    _agent: Agent,
    ApiQuery(query): ApiQuery<StatusQuery>,
) -> Result<Json<Vec<Callback>>, ApiError> {
    let statuses = query.statuses(&[CallbackStatus::Requested, CallbackStatus::Done])?;
    let conn = state.db.conn();
    Ok(Json(store::list_by_status(&conn, &statuses)?))
}

/// Mark a callback request done once support has called. Marking a done request answers it
/// unchanged.
#[utoipa::path(
    post,
    path = "/callbacks/{id}/done",
    tag = "agent",
    security(("agent_token" = [])),
    params(("id" = String, Path, description = "Callback request id, of any organisation")),
    responses(
        (status = 200, description = "The request, done", body = Callback),
        AgentRefusals,
    )
)]
pub async fn agent_callback_done(
    State(state): State<AppState>,
    _agent: Agent,
    Path(id): Path<String>,
) -> Result<Json<Callback>, ApiError> {
    Ok(Json(state.db.transaction(|tx| {
        store::set_done(tx, &id, clock::now())
    })?))
}
