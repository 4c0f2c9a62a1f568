//! The people of an organisation as the other pages need them: the members to choose watchers
//! from, the support administrators to ask for access, and a user's own preferences.

use rusqlite::{params, Connection};
use support_contract::cases::Person;
use support_contract::{Locale, SupportContact};

use super::{enum_at, person_at, wire_name, Result};

/// The organisation's active people, by name.
pub fn members(conn: &Connection, org_id: &str) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM users WHERE organisation_id = ?1 AND status = 'active' ORDER BY name, id",
    )?;
    let people = stmt.query_map([org_id], |r| person_at(r, "id", "name"))?;
    Ok(people.collect::<rusqlite::Result<_>>()?)
}

/// Whether `user_id` is an active member of the organisation.
pub fn is_active_member(conn: &Connection, org_id: &str, user_id: &str) -> Result<bool> {
    let mut stmt = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM users WHERE id = ?1 AND organisation_id = ?2 \
         AND status = 'active') AS member",
    )?;
    Ok(stmt.query_row(params![user_id, org_id], |r| r.get("member"))?)
}

/// The organisation's active support administrators, system administrators first.
pub fn support_contacts(conn: &Connection, org_id: &str) -> Result<Vec<SupportContact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT name, email, role FROM users \
         WHERE organisation_id = ?1 AND role IS NOT NULL AND status = 'active' \
         ORDER BY CASE role WHEN 'support_system_admin' THEN 0 ELSE 1 END, name, id",
    )?;
    let contacts = stmt.query_map([org_id], |r| {
        Ok(SupportContact {
            name: r.get("name")?,
            email: r.get("email")?,
            role: enum_at(r, "role")?,
        })
    })?;
    Ok(contacts.collect::<rusqlite::Result<_>>()?)
}

/// Stores a user's language and time zone (`None`: follow the browser).
pub fn set_preferences(
    conn: &Connection,
    user_id: &str,
    locale: Option<Locale>,
    time_zone: Option<&str>,
) -> Result<()> {
    conn.execute(
        "UPDATE users SET locale = ?1, time_zone = ?2 WHERE id = ?3",
        params![locale.as_ref().map(wire_name), time_zone, user_id],
    )?;
    Ok(())
}
