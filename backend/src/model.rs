//! Reading contract types out of database rows.

use rusqlite::Row;
use serde::de::DeserializeOwned;
use serde::Serialize;
use support_contract::{Organisation, User};

/// Decodes a snake_case enum stored as text, through its serde name so that the database and
/// the wire can never spell a value differently.
pub fn enum_from_db<T: DeserializeOwned>(s: &str) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Encodes an enum for storage under its serde name.
pub fn enum_to_db<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => unreachable!("contract enums serialise to strings"),
    }
}

/// An optional enum column.
pub fn opt_enum<T: DeserializeOwned>(s: Option<String>) -> rusqlite::Result<Option<T>> {
    s.as_deref().map(enum_from_db).transpose()
}

/// The columns [`user_and_org`] reads, for `SELECT … FROM users u JOIN organisations o`.
pub const USER_AND_ORG_COLUMNS: &str =
    "u.id, u.email, u.name, u.role, u.locale, u.time_zone, o.id, o.name, o.plan, o.region";

/// A user and their organisation from a row selected with [`USER_AND_ORG_COLUMNS`] first.
pub fn user_and_org(row: &Row<'_>) -> rusqlite::Result<(User, Organisation)> {
    let user = User {
        id: row.get(0)?,
        email: row.get(1)?,
        name: row.get(2)?,
        role: opt_enum(row.get(3)?)?,
        locale: opt_enum(row.get(4)?)?,
        time_zone: row.get(5)?,
    };
    let org = Organisation {
        id: row.get(6)?,
        name: row.get(7)?,
        plan: enum_from_db(&row.get::<_, String>(8)?)?,
        region: enum_from_db(&row.get::<_, String>(9)?)?,
    };
    Ok((user, org))
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::{Region, Role};

    #[test]
    fn enums_round_trip_through_their_wire_names() {
        assert_eq!(
            enum_to_db(&Role::SupportSystemAdmin),
            "support_system_admin"
        );
        assert_eq!(enum_from_db::<Region>("emea").unwrap(), Region::Emea);
        assert_eq!(opt_enum::<Role>(None).unwrap(), None);
    }
}
