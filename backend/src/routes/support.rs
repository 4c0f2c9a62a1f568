//! `/support-contacts`: whom a member asks for support access. The administration of support
//! users is in `routes::users`.

use axum::extract::State;
use axum::Json;
use support_contract::SupportContact;

use crate::auth::CurrentUser;
use crate::model::enum_from_db;
use crate::problem::ApiError;
use crate::routes::responses::Unauthenticated;
use crate::state::AppState;

/// Whom to ask for support access: the organisation's active support administrators, system
/// administrators first. Open to every signed-in user, members included.
#[utoipa::path(
    get,
    path = "/support-contacts",
    tag = "support-users",
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "The organisation's support administrators", body = Vec<SupportContact>),
        (status = 401, response = Unauthenticated),
    )
)]
pub async fn support_contacts(
    State(state): State<AppState>,
    current: CurrentUser,
) -> Result<Json<Vec<SupportContact>>, ApiError> {
    let conn = state.db.conn();
    let mut stmt = conn.prepare_cached(
        "SELECT name, email, role FROM users \
         WHERE organisation_id = ?1 AND role IS NOT NULL AND status = 'active' \
         ORDER BY CASE role WHEN 'support_system_admin' THEN 0 ELSE 1 END, name, id",
    )?;
    let contacts = stmt
        .query_map([&current.organisation.id], |r| {
            Ok(SupportContact {
                name: r.get(0)?,
                email: r.get(1)?,
                role: enum_from_db(&r.get::<_, String>(2)?)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Json(contacts))
}
