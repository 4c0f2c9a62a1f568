//! `GET /announcements` (the current ones, for every signed-in user) and
//! `POST /agent/v1/announcements` (the vendor publishes one).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use support_contract::home::{
    Announcement, AnnouncementText, NewAnnouncement, Severity, ANNOUNCEMENT_BODY_MAX,
    ANNOUNCEMENT_TITLE_MAX,
};
use support_contract::{FieldCode, FieldError, Locale};

use crate::auth::CurrentUser;
use crate::clock::{self, parse_rfc3339};
use crate::extract::{ApiJson, ApiQuery};
use crate::problem::{field, valid, ApiError};
use crate::routes::agent::Agent;
use crate::routes::fields::required_text;
use crate::routes::query::with_language;
use crate::routes::responses::{AgentInputRefusals, InputRefusals};
use crate::state::AppState;
use crate::store::home as store;

/// The vendor's announcements shown now (started and not ended), in the reader's language
/// (else English): the most severe first, then the newest. Every signed-in user gets the same
/// ones, whatever their organisation or role.
#[utoipa::path(
    get,
    path = "/announcements",
    tag = "home",
    security(("session_cookie" = [])),
    params(
        ("lang" = Option<Locale>, Query, description = "The reader's language (default: the profile's, else English)"),
    ),
    responses(
        (status = 200, description = "The current announcements", body = Vec<Announcement>),
        InputRefusals,
    )
)]
pub async fn announcements(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<Vec<Announcement>>, ApiError> {
    let ((), language) = with_language(&pairs, &user, |_| ())?;
    let conn = state.db.conn();
    Ok(Json(store::current_announcements(
        &conn,
        language,
        clock::now(),
    )?))
}

/// An announcement as received: every field optional, so that a missing one is a field error.
#[derive(Deserialize)]
pub struct AnnouncementForm {
    #[serde(default)]
    severity: Option<Severity>,
    #[serde(default)]
    starts_at: Option<String>,
    #[serde(default)]
    ends_at: Option<String>,
    #[serde(default)]
    texts: Vec<TextForm>,
}

/// One language version as received.
#[derive(Deserialize)]
pub struct TextForm {
    #[serde(default)]
    language: Option<Locale>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    body: Option<String>,
}

/// A time field: required (or optional) RFC 3339.
fn time(
    errors: &mut Vec<FieldError>,
    name: &str,
    value: Option<&str>,
    required: bool,
) -> Option<i64> {
    match value.filter(|v| !v.is_empty()) {
        None if required => {
            errors.push(field(name, FieldCode::Required, "This field is required."));
            None
        }
        None => None,
        Some(v) => {
            let t = parse_rfc3339(v);
            if t.is_none() {
                errors.push(field(name, FieldCode::InvalidTime, "Use an RFC 3339 time."));
            }
            t
        }
    }
}

/// The checked announcement: severity, times (Unix seconds) and texts.
fn validate(
    form: AnnouncementForm,
) -> Result<(Severity, i64, Option<i64>, Vec<AnnouncementText>), ApiError> {
    let mut errors = Vec::new();
    let severity = form.severity.filter(|s| *s != Severity::Unknown);
    if severity.is_none() {
        let code = match form.severity {
            None => FieldCode::Required,
            Some(_) => FieldCode::InvalidValue,
        };
        errors.push(field("severity", code, "Use info, warning or critical."));
    }
    let starts = time(&mut errors, "starts_at", form.starts_at.as_deref(), true);
    let ends = time(&mut errors, "ends_at", form.ends_at.as_deref(), false);
    if let (Some(s), Some(e)) = (starts, ends) {
        if e <= s {
            errors.push(field(
                "ends_at",
                FieldCode::InvalidValue,
                "End after the start.",
            ));
        }
    }
    let mut texts = Vec::new();
    for t in form.texts {
        let title = required_text(
            &mut errors,
            "title",
            t.title.as_deref(),
            ANNOUNCEMENT_TITLE_MAX,
        );
        let body = required_text(
            &mut errors,
            "body",
            t.body.as_deref(),
            ANNOUNCEMENT_BODY_MAX,
        );
        match t.language {
            Some(language)
                if !texts
                    .iter()
                    .any(|x: &AnnouncementText| x.language == language) =>
            {
                texts.push(AnnouncementText {
                    language,
                    title: title.trim().to_string(),
                    body: body.trim().to_string(),
                })
            }
            _ => errors.push(field(
                "language",
                FieldCode::InvalidLocale,
                "Give each text its own language: en, fr or es.",
            )),
        }
    }
    if !texts.iter().any(|t| t.language == Locale::En) {
        errors.push(field(
            "texts",
            FieldCode::Required,
            "Include an English text.",
        ));
    }
    valid(errors)?;
    Ok((
        severity.unwrap_or(Severity::Info),
        starts.unwrap_or_default(),
        ends,
        texts,
    ))
}

/// Publishes an announcement to every portal user, shown from `starts_at` until `ends_at` (or
/// until withdrawn), in each reader's language when it is given, else in English (which every
/// announcement has). Answers it in English.
#[utoipa::path(
    post,
    path = "/announcements",
    tag = "agent",
    security(("agent_token" = [])),
    request_body = NewAnnouncement,
    responses(
        (status = 201, description = "The announcement, in English", body = Announcement),
        AgentInputRefusals,
    )
)]
pub async fn agent_announce(
    State(state): State<AppState>,
    _agent: Agent,
    ApiJson(form): ApiJson<AnnouncementForm>,
) -> Result<(StatusCode, Json<Announcement>), ApiError> {
    let (severity, starts, ends, texts) = validate(form)?;
    let announcement = state.db.transaction(|tx| {
        let id = store::insert_announcement(tx, severity, starts, ends, &texts, clock::now())?;
        store::announcement(tx, &id, Locale::En)
    })?;
    Ok((StatusCode::CREATED, Json(announcement)))
}
