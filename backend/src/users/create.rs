//! Creating a support user, one by one or by import: the duplicate rule, the special cases
//! (a member of the organisation gets the role; a removed user is invited again), the
//! invitation, the administrators' notification and the audit entry.

use rusqlite::{params, Connection, OptionalExtension};
use support_contract::users::{AuditAction, AuditPerson, UserSnapshot, UserStatus};
use support_contract::{Locale, Role};

use super::audit::{self, Change};
use super::invitations;
use crate::clock::ts;
use crate::mail::texts::{self, Invitation, UserCreated};
use crate::mail::Mail;
use crate::member::Member;
use crate::model::{enum_to_db, opt_enum};
use crate::tokens::new_id;

/// What an email already belongs to.
#[derive(Debug, PartialEq)]
pub enum Existing {
    /// Nobody: a new user.
    Nobody,
    /// A member of the organisation without a support role: they get the role.
    Member { id: String, status: UserStatus },
    /// A removed user of the organisation: invited again.
    Removed { id: String, role: Option<Role> },
    /// A current support user of the organisation, or anyone of another organisation.
    Taken,
}

/// Who owns `email` (lowercased), from the point of view of organisation `org_id`.
pub fn existing(conn: &Connection, org_id: &str, email: &str) -> rusqlite::Result<Existing> {
    let found: Option<(String, String, Option<String>, String)> = conn
        .query_row(
            "SELECT id, organisation_id, role, status FROM users WHERE email = ?1",
            [email],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((id, org, role, status)) = found else {
        return Ok(Existing::Nobody);
    };
    let role: Option<Role> = opt_enum(role)?;
    let status: UserStatus = crate::model::enum_from_db(&status)?;
    Ok(if org != org_id {
        Existing::Taken
    } else if status == UserStatus::Removed {
        Existing::Removed { id, role }
    } else if role.is_none() {
        Existing::Member { id, status }
    } else {
        Existing::Taken
    })
}

/// A checked request to create a support user.
pub struct NewUser {
    /// Lowercased.
    pub email: String,
    pub name: String,
    pub role: Role,
}

/// Who creates, and what the mails need.
pub struct Creator<'a> {
    pub actor: Member<'a>,
    /// Unix seconds.
    pub now: i64,
    /// `user_created` or `user_imported`.
    pub action: AuditAction,
    /// The portal's address, for links.
    pub public_url: &'a str,
    pub invitation_days: i64,
}

/// Creates `new` unless its email is taken (`Ok(None)`), and returns the user's id. The mails to
/// send once the transaction commits are appended to `mails`.
pub fn create(
    conn: &Connection,
    c: &Creator,
    new: &NewUser,
    mails: &mut Vec<Mail>,
) -> rusqlite::Result<Option<String>> {
    let org = &c.actor.organisation.id;
    let role = enum_to_db(&new.role);
    let invited = |status| UserSnapshot {
        role: Some(new.role),
        status: Some(status),
        ..UserSnapshot::default()
    };
    let (id, before, after) = match existing(conn, org, &new.email)? {
        Existing::Taken => return Ok(None),
        Existing::Nobody => {
            let id = new_id("usr");
            conn.execute(
                "INSERT INTO users (id, organisation_id, email, name, role, status, source, \
                 created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, 'invited', 'portal', ?6, ?7)",
                params![
                    id,
                    org,
                    new.email,
                    new.name,
                    role,
                    ts(c.now),
                    c.actor.user.id
                ],
            )?;
            (id, None, invited(UserStatus::Invited))
        }
        Existing::Member { id, status } => {
            // They keep their account, name and password; only the role is new.
            conn.execute(
                "UPDATE users SET role = ?2, created_by = COALESCE(created_by, ?3), \
                 version = version + 1 WHERE id = ?1",
                params![id, role, c.actor.user.id],
            )?;
            let before = UserSnapshot {
                role: None,
                status: Some(status),
                ..UserSnapshot::default()
            };
            (id, Some(before), invited(status))
        }
        Existing::Removed { id, role: earlier } => {
            // A fresh start: no password, no review, a new invitation.
            conn.execute(
                "UPDATE users SET role = ?2, name = ?3, status = 'invited', password_hash = NULL, \
                 created_by = ?4, validation = 'pending', validated_by = NULL, validated_at = NULL, \
                 validation_reason = NULL, version = version + 1 WHERE id = ?1",
                params![id, role, new.name, c.actor.user.id],
            )?;
            conn.execute("DELETE FROM sessions WHERE user_id = ?1", [&id])?;
            let before = UserSnapshot {
                role: earlier,
                status: Some(UserStatus::Removed),
                ..UserSnapshot::default()
            };
            (id, Some(before), invited(UserStatus::Invited))
        }
    };
    let (name, email, locale, status): (String, String, Option<String>, String) = conn.query_row(
        "SELECT name, email, locale, status FROM users WHERE id = ?1",
        [&id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let target = AuditPerson {
        id: id.clone(),
        name: name.clone(),
        email: email.clone(),
    };
    let actor = c.actor.audit_person();
    audit::record(
        conn,
        &Change {
            organisation_id: org,
            at: c.now,
            actor: Some(&actor),
            action: c.action,
            target: &target,
            before,
            after: Some(after),
        },
    )?;

    let org_name = &c.actor.organisation.name;
    let recipient_locale: Option<Locale> = opt_enum(locale)?;
    let is_invited = status == "invited";
    let (subject, body) = if is_invited {
        let (token, _) = invitations::issue(conn, &id, c.now, c.invitation_days)?;
        let link = format!("{}/set-password#token={token}", c.public_url);
        // A new invitee has no language yet: they get their administrator's.
        let locale = recipient_locale.or(c.actor.user.locale).unwrap_or_default();
        texts::invitation(
            locale,
            &Invitation {
                name: &name,
                organisation: org_name,
                role: new.role,
                inviter: &c.actor.user.name,
                link: &link,
                days: c.invitation_days,
            },
        )
    } else {
        let link = format!("{}/", c.public_url);
        texts::access_granted(
            recipient_locale.unwrap_or_default(),
            &name,
            org_name,
            new.role,
            &c.actor.user.name,
            &link,
        )
    };
    mails.push(Mail {
        to_name: name.clone(),
        to_email: email.clone(),
        subject,
        body,
    });
    notify_administrators(conn, c, &id, new.role, is_invited, mails)?;
    Ok(Some(id))
}

/// The system email of the announcement: every active administrator of either role (the new
/// user aside) hears that a support user was created.
fn notify_administrators(
    conn: &Connection,
    c: &Creator,
    new_id: &str,
    role: Role,
    invited: bool,
    mails: &mut Vec<Mail>,
) -> rusqlite::Result<()> {
    let (name, email): (String, String) = conn.query_row(
        "SELECT name, email FROM users WHERE id = ?1",
        [new_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT name, email, locale FROM users WHERE organisation_id = ?1 AND status = 'active' \
         AND role IN ('support_system_admin', 'customer_support_admin') AND id != ?2 \
         ORDER BY name, id",
    )?;
    let admins = stmt
        .query_map(params![c.actor.organisation.id, new_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let link = format!("{}/support-users", c.public_url);
    for (admin_name, admin_email, locale) in admins {
        let (subject, body) = texts::user_created(
            opt_enum(locale)?.unwrap_or_default(),
            &UserCreated {
                recipient: &admin_name,
                name: &name,
                email: &email,
                role,
                actor: &c.actor.user.name,
                invited,
                link: &link,
            },
        );
        mails.push(Mail {
            to_name: admin_name,
            to_email: admin_email,
            subject,
            body,
        });
    }
    Ok(())
}
