//! `POST /support-users`: creating a support user, who gets an invitation.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use support_contract::users::{valid_email, AuditAction, NewSupportUser, SupportUser, NAME_MAX};
use support_contract::FieldCode;

use super::lookup::{cutoff, role_field};
use crate::auth::{ManageUsers, RequireCapability};
use crate::clock;
use crate::extract::ApiJson;
use crate::problem::{field, ApiError};
use crate::routes::fields::idempotency_key_if_sent;
use crate::routes::location;
use crate::routes::responses::{InputRefusals, UserConflict};
use crate::routes::versions::Versioned;
use crate::state::AppState;
use crate::store::request_keys::{self, Made};
use crate::store::users as store;

/// The kind of `Idempotency-Key` that made a support user.
const SUPPORT_USER: &str = "support_user";
use crate::users::clean_name;
use crate::users::create::{create, Creator, NewUser};

/// `NewSupportUser` as received: every field optional, so that a missing one is a field error.
#[derive(Deserialize)]
pub struct NewUserForm {
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    role: Option<String>,
}

/// Checks a new user's fields: the same codes for one user and for an import's rows.
fn check(form: NewUserForm) -> Result<NewUser, ApiError> {
    let mut errors = Vec::new();
    let email = form.email.unwrap_or_default().trim().to_lowercase();
    if email.is_empty() {
        errors.push(field(
            "email",
            FieldCode::Required,
            "Enter an email address.",
        ));
    } else if !valid_email(&email) {
        errors.push(field(
            "email",
            FieldCode::InvalidEmail,
            "Enter an email address such as name@example.com.",
        ));
    }
    let name = clean_name(form.name.as_deref().unwrap_or(""));
    if name.is_empty() {
        errors.push(field("name", FieldCode::Required, "Enter a name."));
    } else if name.chars().count() > NAME_MAX {
        errors.push(field(
            "name",
            FieldCode::TooLong,
            &format!("Use at most {NAME_MAX} characters."),
        ));
    }
    let role = role_field(form.role.as_deref(), &mut errors);
    match role {
        Some(role) if errors.is_empty() => Ok(NewUser { email, name, role }),
        _ => Err(ApiError::validation(errors)),
    }
}

/// Create a support user. Requires `manage_users`.
///
/// A new user is `invited`: they get an email with a link to choose their password, and every
/// active administrator of either role gets a notification. The email is stored lowercased. An
/// email that belongs to a current support user, or to anyone of another organisation, is
/// `urn:support-portal:problem:duplicate-user`. Two special cases: a member of the organisation
/// without a support role gets the role (they keep their account and password and are told by
/// email), and a removed user of the organisation is invited again. With an `Idempotency-Key`
/// header (optional), sending again with the same key answers the user it made (200) instead of
/// refusing the email as taken: a client retries a creation whose answer was lost.
#[utoipa::path(
    post,
    path = "/support-users",
    tag = "support-users",
    security(("session_cookie" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "Client-chosen key, 1 to 200 characters; keep it with the form")),
    request_body = NewSupportUser,
    responses(
        (status = 201, description = "Created (or a member given the role, or a removed user invited again)", body = SupportUser,
            headers(("Location" = String, description = "The user's URL"), ("ETag" = String, description = "The user's version"))),
        (status = 200, description = "Already made with this key: the same user", body = SupportUser,
            headers(("ETag" = String, description = "The user's version"))),
        InputRefusals,
        (status = 409, response = UserConflict),
    )
)]
pub async fn create_support_user(
    State(state): State<AppState>,
    RequireCapability { user: current, .. }: RequireCapability<ManageUsers>,
    headers: HeaderMap,
    ApiJson(form): ApiJson<NewUserForm>,
) -> Result<Response, ApiError> {
    let key = idempotency_key_if_sent(&headers)?;
    let new = check(form)?;
    let mut mails = Vec::new();
    let org = &current.organisation.id;
    let (status, user) = state.db.transaction(|tx| {
        let made = match &key {
            Some(key) => request_keys::made_with(tx, &current.user.id, SUPPORT_USER, key)?,
            None => None,
        };
        if let Some(made) = made {
            let user = store::load(tx, org, &made.target, cutoff(&state))?;
            return Ok((StatusCode::OK, user));
        }
        let creator = Creator {
            actor: current.member(),
            now: clock::now(),
            action: AuditAction::UserCreated,
            public_url: &state.public_url,
            invitation_days: state.config.invitation_days,
        };
        let id = create(tx, &creator, &new, &mut mails)?.ok_or_else(ApiError::duplicate_user)?;
        if let Some(key) = &key {
            let made = Made {
                target: id.clone(),
                seq: None,
            };
            request_keys::remember(tx, &current.user.id, SUPPORT_USER, key, &made, creator.now)?;
        }
        Ok::<_, ApiError>((
            StatusCode::CREATED,
            store::load(tx, org, &id, cutoff(&state))?,
        ))
    })?;
    // After the commit: a mail that cannot go out is logged, and the user exists regardless.
    state.mailer.send(mails).await;
    let url = location("support-users", &user.id);
    Ok((status, url, Versioned(user)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(email: &str, name: &str, role: &str) -> NewUserForm {
        NewUserForm {
            email: Some(email.into()),
            name: Some(name.into()),
            role: Some(role.into()),
        }
    }

    fn codes(r: Result<NewUser, ApiError>) -> Vec<String> {
        match r {
            Ok(_) => vec![],
            Err(e) => {
                e.0.errors
                    .iter()
                    .map(|e| format!("{}:{}", e.field, support_contract::wire::wire_name(&e.code)))
                    .collect()
            }
        }
    }

    #[test]
    fn fields_are_checked_together() {
        let ok = check(form(
            " Ana@Example.COM ",
            " Ana\tRuiz ",
            "customer_support_admin",
        ))
        .unwrap();
        assert_eq!(
            (ok.email.as_str(), ok.name.as_str()),
            ("ana@example.com", "Ana Ruiz")
        );
        assert_eq!(
            codes(check(form("nope", " ", "owner"))),
            ["email:invalid_email", "name:required", "role:unknown_role"]
        );
        assert_eq!(
            codes(check(form(
                "a@b.co",
                &"x".repeat(NAME_MAX + 1),
                "support_system_admin"
            ))),
            ["name:too_long"]
        );
        let empty = NewUserForm {
            email: None,
            name: None,
            role: None,
        };
        assert_eq!(
            codes(check(empty)),
            ["email:required", "name:required", "role:required"]
        );
    }
}
