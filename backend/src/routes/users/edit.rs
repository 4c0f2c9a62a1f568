//! Changing a support user's role and removing them, both with `If-Match`.

use axum::extract::{Path, State};
use rusqlite::Connection;
use serde::Deserialize;
use support_contract::users::{
    may_change_role, may_remove, AuditAction, RoleChange, SupportUser, UserSnapshot, UserStatus,
};

use super::lookup::{cutoff, refusal, role_field};
use crate::auth::{ManageUsers, RequireCapability};
use crate::clock;
use crate::extract::ApiJson;
use crate::problem::ApiError;
use crate::routes::responses::{ItemInputRefusals, UserConflict, VersionRefusals};
use crate::routes::versions::{IfMatch, Versioned};
use crate::state::AppState;
use crate::store::users as store;
use crate::users::{access_snapshot, record_change};

/// The support user the client edits: of organisation `org`, at the version `If-Match` names,
/// and not removed (else a conflict with `removed` as its detail).
fn current_user(
    tx: &Connection,
    org: &str,
    id: &str,
    cutoff: i64,
    if_match: &IfMatch,
    removed: &str,
) -> Result<SupportUser, ApiError> {
    let u = if_match.check(store::load(tx, org, id, cutoff)?)?;
    if u.status == UserStatus::Removed {
        return Err(ApiError::conflict(removed));
    }
    Ok(u)
}

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
        ItemInputRefusals,
        (status = 409, response = UserConflict),
        VersionRefusals,
    )
)]
pub async fn change_role(
    State(state): State<AppState>,
    RequireCapability { user: current, .. }: RequireCapability<ManageUsers>,
    Path(id): Path<String>,
    // A `Result`, read after the body: an unreadable body is answered before the header.
    if_match: Result<IfMatch, ApiError>,
    ApiJson(form): ApiJson<RoleForm>,
) -> Result<Versioned<SupportUser>, ApiError> {
    let if_match = if_match?;
    let mut errors = Vec::new();
    let Some(role) = role_field(form.role.as_deref(), &mut errors) else {
        return Err(ApiError::validation(errors));
    };
    let cutoff = cutoff(&state);
    let org = &current.organisation.id;
    state.db.transaction(|tx| {
        let gone = "This user was removed; create them again to give them a role.";
        let u = current_user(tx, org, &id, cutoff, &if_match, gone)?;
        if u.role == role {
            return Ok(Versioned(u));
        }
        let admins = store::active_system_admins(tx, org)?;
        may_change_role(u.role, role, u.status == UserStatus::Active, admins).map_err(refusal)?;
        store::set_role(tx, &u.id, role)?;
        let with_role = |role| UserSnapshot {
            role: Some(role),
            ..UserSnapshot::default()
        };
        let (before, after) = (with_role(u.role), with_role(role));
        let change = (AuditAction::RoleChanged, before, after);
        record_change(tx, current.member(), &u, change, clock::now())?;
        Ok(Versioned(store::load(tx, org, &id, cutoff)?))
    })
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
        ItemInputRefusals,
        (status = 409, response = UserConflict),
        VersionRefusals,
    )
)]
pub async fn remove_support_user(
    State(state): State<AppState>,
    RequireCapability { user: current, .. }: RequireCapability<ManageUsers>,
    Path(id): Path<String>,
    if_match: IfMatch,
) -> Result<Versioned<SupportUser>, ApiError> {
    let cutoff = cutoff(&state);
    let org = &current.organisation.id;
    let removed = state.db.transaction(|tx| {
        let gone = "This user was already removed.";
        let u = current_user(tx, org, &id, cutoff, &if_match, gone)?;
        let admins = store::active_system_admins(tx, org)?;
        let active = u.status == UserStatus::Active;
        may_remove(&current.user.id, &u.id, u.role, active, admins).map_err(refusal)?;
        store::remove(tx, &u.id)?;
        let after = UserSnapshot {
            role: Some(u.role),
            status: Some(UserStatus::Removed),
            ..UserSnapshot::default()
        };
        let before = access_snapshot(&u);
        let change = (AuditAction::UserRemoved, before, after);
        record_change(tx, current.member(), &u, change, clock::now())?;
        Ok::<_, ApiError>(store::load(tx, org, &id, cutoff)?)
    })?;
    // Their chat stream closes now, not at its next heartbeat.
    state.chat_hub.access_changed();
    Ok(Versioned(removed))
}
