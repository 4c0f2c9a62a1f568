//! `/support-contacts`: whom a member asks for support access. The administration of support
//! users is in `routes::users`.

use axum::extract::State;
use axum::Json;
use support_contract::SupportContact;

use crate::auth::CurrentUser;
use crate::problem::ApiError;
use crate::routes::responses::Unauthenticated;
use crate::state::AppState;
use crate::store::people;

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
    Ok(Json(people::support_contacts(
        &conn,
        &current.organisation.id,
    )?))
}
