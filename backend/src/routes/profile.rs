//! `/profile`: the signed-in user's own preferences.

use axum::extract::State;
use axum::Json;
use serde_json::Value;
use support_contract::FieldCode;
use support_contract::{FieldError, Locale, ProfileUpdate, Session};

use crate::auth::CurrentUser;
use crate::extract::ApiJson;
use crate::problem::{field, ApiError};
use crate::routes::responses::{Unauthenticated, Validation};
use crate::state::AppState;
use crate::store::people;

/// Change the language or time zone of the signed-in user.
///
/// Only the fields present change; `null` clears a choice (the app then follows the browser).
#[utoipa::path(
    patch,
    path = "/profile",
    tag = "profile",
    security(("session_cookie" = [])),
    request_body = ProfileUpdate,
    responses(
        (status = 200, description = "The session with the updated user", body = Session),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
    )
)]
pub async fn update_profile(
    State(state): State<AppState>,
    mut current: CurrentUser,
    ApiJson(body): ApiJson<Value>,
) -> Result<Json<Session>, ApiError> {
    // Read field by field (not straight into `ProfileUpdate`) so that each bad value becomes a
    // field error the form can show next to the right input.
    let update = read_update(&body)?;
    if let Some(locale) = update.locale {
        current.user.locale = locale;
    }
    if let Some(time_zone) = update.time_zone {
        current.user.time_zone = time_zone;
    }
    let user = &current.user;
    let time_zone = user.time_zone.as_deref();
    let conn = state.db.conn();
    people::set_preferences(&conn, &user.id, user.locale, time_zone)?;
    Ok(Json(current.session(&conn)?))
}

fn read_update(body: &Value) -> Result<ProfileUpdate, ApiError> {
    let Some(obj) = body.as_object() else {
        return Err(ApiError::validation(vec![field(
            "body",
            FieldCode::InvalidType,
            "Send a JSON object.",
        )]));
    };
    let mut errors: Vec<FieldError> = Vec::new();
    let mut update = ProfileUpdate::default();
    match obj.get("locale") {
        None => {}
        Some(Value::Null) => update.locale = Some(None),
        Some(v) => match serde_json::from_value::<Locale>(v.clone()) {
            Ok(locale) => update.locale = Some(Some(locale)),
            Err(_) => errors.push(field(
                "locale",
                FieldCode::InvalidLocale,
                "Choose en, fr or es.",
            )),
        },
    }
    match obj.get("time_zone") {
        None => {}
        Some(Value::Null) => update.time_zone = Some(None),
        Some(Value::String(tz)) if is_time_zone_name(tz) => {
            update.time_zone = Some(Some(tz.clone()))
        }
        Some(_) => errors.push(field(
            "time_zone",
            FieldCode::InvalidTimeZone,
            "Use an IANA time zone such as Europe/Paris.",
        )),
    }
    if errors.is_empty() {
        Ok(update)
    } else {
        Err(ApiError::validation(errors))
    }
}

/// Looks like an IANA zone name: `UTC`, or `Area/Location` of letters, digits and `_+-`.
/// The backend has no zone database; the browser's `Intl` is the final judge.
pub fn is_time_zone_name(tz: &str) -> bool {
    let chars_ok = tz
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "_+-/".contains(c));
    let shape_ok = tz.split('/').count() >= 2 && tz.split('/').all(|part| !part.is_empty());
    tz.len() <= 64 && chars_ok && (tz == "UTC" || shape_ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iana_like_names_pass_and_others_do_not() {
        for ok in [
            "UTC",
            "Europe/Paris",
            "America/Argentina/Buenos_Aires",
            "Etc/GMT+5",
        ] {
            assert!(is_time_zone_name(ok), "{ok}");
        }
        for bad in [
            "",
            "Paris",
            "Europe/",
            "/Paris",
            "Europe//Paris",
            "Europe/Par is",
            "<script>",
            &"A/".repeat(40),
        ] {
            assert!(!is_time_zone_name(bad), "{bad}");
        }
    }

    #[test]
    fn absent_fields_do_not_change_and_null_clears() {
        let u = read_update(&serde_json::json!({"locale": null})).unwrap();
        assert_eq!(u.locale, Some(None));
        assert_eq!(u.time_zone, None);
    }
}
