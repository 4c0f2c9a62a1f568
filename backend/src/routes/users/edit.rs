//! Changing a support user's role and removing them, both with `If-Match`.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use support_contract::users::{
    may_change_role, may_remove, AuditAction, RoleChange, SupportUser, UserSnapshot, UserStatus,
};

use super::lookup::{actor, cutoff, own_user, refusal, role_field, user_for_edit, user_response};
use crate::auth::{ManageUsers, RequireCapability};
use crate::clock;
use crate::extract::ApiJson;
use crate::problem::ApiError;
use crate::routes::cases::headers::if_match;
use crate::routes::responses::{
    Forbidden, NotFound, PreconditionFailed, PreconditionRequired, Unauthenticated, UserConflict,
    Validation,
};
use crate::state::AppState;
use crate::users::audit::{self, Change};
use crate::users::{self as store, access_snapshot, audit_person};

/// `RoleChange` as received.
#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: Option<String>,
}

/// Change a support user's role; send the user's ETag as `If-Match`. Requires `manage_users`.
///
/// The same role again changes nothing. Refused when it would leave the organisation without
/// an active Support System Administrator (`urn:support-portal:problem:last-system-admin`) and
/// for removed users (`conflict`).
#[utoipa::path(
    put,
    path = "/support-users/{id}/role",
    tag = "support-users",
    security(("session_cookie" = [])),
    params(
        ("id" = String, Path, description = "User id"),
        ("If-Match" = String, Header, description = "The user's ETag"),
    ),
    request_body = RoleChange,
    responses(
        (status = 200, description = "The user with the role", body = SupportUser,
            headers(("ETag" = String, description = "The new version"))),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = UserConflict),
        (status = 412, response = PreconditionFailed),
        (status = 428, response = PreconditionRequired),
    )
)]
pub async fn change_role(
    State(state): State<AppState>,
    RequireCapability { user: current, .. }: RequireCapability<ManageUsers>,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(form): ApiJson<RoleForm>,
) -> Result<Response, ApiError> {
    if_match(&headers)?;
    let mut errors = Vec::new();
    let role = role_field(form.role.as_deref(), &mut errors);
    let Some(role) = role else {
        return Err(ApiError::validation(errors));
    };
    let cutoff = cutoff(&state);
    let mut conn = state.db.conn();
    let tx = conn.transaction()?;
    let u = user_for_edit(&tx, &current, &id, &headers, cutoff)?;
    if u.status == UserStatus::Removed {
        return Err(ApiError::conflict(
            "This user was removed; create them again to give them a role.",
        ));
    }
    if u.role == role {
        return Ok(user_response(StatusCode::OK, u));
    }
    let admins = store::active_system_admins(&tx, &current.organisation.id)?;
    may_change_role(u.role, role, u.status == UserStatus::Active, admins).map_err(refusal)?;
    store::set_role(&tx, &u.id, role)?;
    audit::record(
        &tx,
        &Change {
            organisation_id: &current.organisation.id,
            at: clock::now(),
            actor: Some(&actor(&current)),
            action: AuditAction::RoleChanged,
            target: &audit_person(&u),
            before: Some(UserSnapshot {
                role: Some(u.role),
                ..UserSnapshot::default()
            }),
            after: Some(UserSnapshot {
                role: Some(role),
                ..UserSnapshot::default()
            }),
        },
    )?;
    let changed = own_user(&tx, &current, &id, cutoff)?;
    tx.commit()?;
    Ok(user_response(StatusCode::OK, changed))
}

/// Remove a support user; send the user's ETag as `If-Match`. Requires `manage_users`.
///
/// The user is kept for the record with status `removed` (and their last role); all their
/// sessions end at once and their unused invitation stops working. Nobody removes themselves
/// (`urn:support-portal:problem:self-removal`), and the last active Support System
/// Administrator stays (`last-system-admin`). Removing a removed user is a `conflict`.
#[utoipa::path(
    delete,
    path = "/support-users/{id}",
    tag = "support-users",
    security(("session_cookie" = [])),
    params(
        ("id" = String, Path, description = "User id"),
        ("If-Match" = String, Header, description = "The user's ETag"),
    ),
    responses(
        (status = 200, description = "The removed user", body = SupportUser,
            headers(("ETag" = String, description = "The new version"))),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = UserConflict),
        (status = 412, response = PreconditionFailed),
        (status = 428, response = PreconditionRequired),
    )
)]
pub async fn remove_support_user(
    State(state): State<AppState>,
    RequireCapability { user: current, .. }: RequireCapability<ManageUsers>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let cutoff = cutoff(&state);
    let mut conn = state.db.conn();
    let tx = conn.transaction()?;
    let u = user_for_edit(&tx, &current, &id, &headers, cutoff)?;
    if u.status == UserStatus::Removed {
        return Err(ApiError::conflict("This user was already removed."));
    }
    let admins = store::active_system_admins(&tx, &current.organisation.id)?;
    may_remove(
        &current.user.id,
        &u.id,
        u.role,
        u.status == UserStatus::Active,
        admins,
    )
    .map_err(refusal)?;
    store::remove(&tx, &u.id)?;
    audit::record(
        &tx,
        &Change {
            organisation_id: &current.organisation.id,
            at: clock::now(),
            actor: Some(&actor(&current)),
            action: AuditAction::UserRemoved,
            target: &audit_person(&u),
            before: Some(access_snapshot(&u)),
            after: Some(UserSnapshot {
                role: Some(u.role),
                status: Some(UserStatus::Removed),
                ..UserSnapshot::default()
            }),
        },
    )?;
    let removed = own_user(&tx, &current, &id, cutoff)?;
    tx.commit()?;
    // Their chat stream closes now, not at its next heartbeat.
    state.chat_hub.access_changed();
    Ok(user_response(StatusCode::OK, removed))
}
