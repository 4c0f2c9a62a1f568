//! Every SQL statement the server runs (the seed's fixtures aside), one module per area. A
//! store function takes a connection (or a transaction) and plain values, and answers rows as
//! the area's types; it knows nothing of requests, sessions or the application state, and
//! leaves the rules to the handlers and the domain modules (`cases`, `chat`, `users`). Columns
//! are read by name.
//!
//! A new area gets a module here for its SQL and a folder in `routes/` for its handlers.

pub mod attachments;
pub mod callbacks;
pub mod cases;
pub mod chat;
pub mod help;
pub mod history;
pub mod home;
pub mod learning;
pub mod people;
pub mod request_keys;
pub mod sessions;
pub mod users;

use std::fmt;

use rusqlite::Row;
use serde::de::value::{Error as ValueError, StrDeserializer};
use serde::de::DeserializeOwned;
use support_contract::cases::Person;
pub use support_contract::wire::wire_name;

/// Why a store function failed.
#[derive(Debug)]
pub enum StoreError {
    /// The row asked for does not exist, or not where the caller may see it.
    NotFound,
    /// SQLite failed.
    Db(rusqlite::Error),
}

/// What a store function answers.
pub type Result<T> = std::result::Result<T, StoreError>;

/// Whether the database answers a trivial query (readiness, `GET /readyz`).
pub fn answers(conn: &rusqlite::Connection) -> bool {
    conn.query_row("SELECT 1", [], |r| r.get::<_, i64>(0))
        .is_ok_and(|one| one == 1)
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Db(e)
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::NotFound => f.write_str("not found"),
            StoreError::Db(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for StoreError {}

/// `Some` row, or [`StoreError::NotFound`].
pub(crate) fn found<T>(row: Option<T>) -> Result<T> {
    row.ok_or(StoreError::NotFound)
}

/// Reading a missing row as an answer rather than a failure.
pub trait Optional<T> {
    /// `Ok(None)` for [`StoreError::NotFound`].
    fn optional(self) -> Result<Option<T>>;
}

impl<T> Optional<T> for Result<T> {
    fn optional(self) -> Result<Option<T>> {
        match self {
            Ok(row) => Ok(Some(row)),
            Err(StoreError::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// A value of a contract enum from its stored wire name. A name this build does not know
/// reads as the enum's `unknown` value where it has one, like on the wire.
pub fn from_db<T: DeserializeOwned>(name: &str) -> rusqlite::Result<T> {
    T::deserialize(StrDeserializer::<ValueError>::new(name)).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// The enum stored in the column `name`.
pub(crate) fn enum_at<T: DeserializeOwned>(row: &Row<'_>, name: &str) -> rusqlite::Result<T> {
    from_db(&row.get::<_, String>(name)?)
}

/// The enum stored in the nullable column `name`.
pub(crate) fn opt_enum_at<T: DeserializeOwned>(
    row: &Row<'_>,
    name: &str,
) -> rusqlite::Result<Option<T>> {
    row.get::<_, Option<String>>(name)?
        .as_deref()
        .map(from_db)
        .transpose()
}

/// The person whose id and name are in the columns `id` and `name`.
pub(crate) fn person_at(row: &Row<'_>, id: &str, name: &str) -> rusqlite::Result<Person> {
    Ok(Person {
        id: row.get(id)?,
        name: row.get(name)?,
    })
}

/// The person of a left join: `None` when either column is null (nobody, or the system).
pub(crate) fn opt_person_at(
    row: &Row<'_>,
    id: &str,
    name: &str,
) -> rusqlite::Result<Option<Person>> {
    Ok(match (row.get(id)?, row.get(name)?) {
        (Some(id), Some(name)) => Some(Person { id, name }),
        _ => None,
    })
}

/// A subquery naming the language to read a row's words in, from `table` (its texts, one row
/// per language, `key` pointing at the row `id`): the reader's language (`?1`), else English,
/// else any. The vendor's content may lack a translation; the reader then gets English.
pub(crate) fn text_language(table: &str, key: &str, id: &str) -> String {
    format!(
        "(SELECT x.language FROM {table} x WHERE x.{key} = {id} \
         ORDER BY x.language = ?1 DESC, x.language = 'en' DESC, x.language LIMIT 1)"
    )
}

/// Wire names as a JSON array, for `IN (SELECT value FROM json_each(?))`.
pub(crate) fn json_names<T: serde::Serialize>(values: &[T]) -> String {
    let names: Vec<&str> = values.iter().map(|v| wire_name(v)).collect();
    serde_json::to_string(&names).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::{Region, Role};

    #[test]
    fn enums_round_trip_through_their_wire_names() {
        assert_eq!(wire_name(&Role::SupportSystemAdmin), "support_system_admin");
        assert_eq!(from_db::<Region>("emea").unwrap(), Region::Emea);
        assert_eq!(from_db::<Region>("mars").unwrap(), Region::Unknown);
    }
}
