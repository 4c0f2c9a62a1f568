//! Creating a support user, one by one or by import: the duplicate rule, the special cases
//! (a member of the organisation gets the role; a removed user is invited again), the
//! invitation, the administrators' notification and the audit entry.

use rusqlite::Connection;
use support_contract::users::{AuditAction, UserSnapshot, UserStatus};
use support_contract::Role;

use crate::mail::texts::{self, Invitation, UserCreated};
use crate::mail::Mail;
use crate::member::Member;
use crate::store::users::audit::{self, Change};
use crate::store::users::{self as store, invitations};
use crate::store::Result;

/// What an email already belongs to.
#[derive(Debug, PartialEq)]
pub enum Existing {
    /// Nobody: a new user.
    Nobody,
    /// A member of the organisation without a support role: they get the role.
    Member { id: String, status: UserStatus },
    /// A removed user of the organisation: invited again.
    Removed { id: String, role: Option<Role> },
    /// A current support user of the organisation.
    Taken,
}

/// Who owns `email` (lowercased) in organisation `org_id`. Accounts of the same person in other
/// organisations do not count: each organisation has its own account of them, so a person known
/// elsewhere is `Nobody` here, and gets a new account (a membership) of this organisation.
pub fn existing(conn: &Connection, org_id: &str, email: &str) -> Result<Existing> {
    let Some(owner) = store::email_owner(conn, org_id, email)? else {
        return Ok(Existing::Nobody);
    };
    Ok(if owner.status == UserStatus::Removed {
        Existing::Removed {
            id: owner.id,
            role: owner.role,
        }
    } else if owner.role.is_none() {
        Existing::Member {
            id: owner.id,
            status: owner.status,
        }
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
) -> Result<Option<String>> {
    let org = &c.actor.organisation.id;
    let actor_id = &c.actor.user.id;
    let invited = |status| UserSnapshot {
        role: Some(new.role),
        status: Some(status),
        ..UserSnapshot::default()
    };
    let (id, before, after) = match existing(conn, org, &new.email)? {
        Existing::Taken => return Ok(None),
        Existing::Nobody => {
            let id =
                store::insert_invited(conn, org, &new.email, &new.name, new.role, c.now, actor_id)?;
            (id, None, invited(UserStatus::Invited))
        }
        Existing::Member { id, status } => {
            // They keep their account, name and password; only the role is new.
            store::grant_role(conn, &id, new.role, actor_id)?;
            let before = UserSnapshot {
                role: None,
                status: Some(status),
                ..UserSnapshot::default()
            };
            (id, Some(before), invited(status))
        }
        Existing::Removed { id, role: earlier } => {
            // A fresh start: no password, no review, a new invitation.
            store::reinvite(conn, &id, new.role, &new.name, actor_id)?;
            let before = UserSnapshot {
                role: earlier,
                status: Some(UserStatus::Removed),
                ..UserSnapshot::default()
            };
            (id, Some(before), invited(UserStatus::Invited))
        }
    };
    let (recipient, status) = store::recipient_of(conn, &id)?;
    let target = support_contract::users::AuditPerson {
        id: id.clone(),
        name: recipient.name.clone(),
        email: recipient.email.clone(),
    };
    audit::record(
        conn,
        &Change {
            organisation_id: org,
            at: c.now,
            actor: Some(&c.actor.audit_person()),
            action: c.action,
            target: &target,
            before,
            after: Some(after),
            rows: None,
        },
    )?;

    let org_name = &c.actor.organisation.name;
    let is_invited = status == UserStatus::Invited;
    let (subject, body) = if is_invited {
        let (token, _) = invitations::issue(conn, &id, c.now, c.invitation_days)?;
        let link = format!("{}/set-password#token={token}", c.public_url);
        // A new invitee has no language yet: they get their administrator's.
        let locale = recipient.locale.or(c.actor.user.locale).unwrap_or_default();
        texts::invitation(
            locale,
            &Invitation {
                name: &recipient.name,
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
            recipient.locale.unwrap_or_default(),
            &recipient.name,
            org_name,
            new.role,
            &c.actor.user.name,
            &link,
        )
    };
    mails.push(Mail {
        to_name: recipient.name.clone(),
        to_email: recipient.email.clone(),
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
) -> Result<()> {
    let (created, _) = store::recipient_of(conn, new_id)?;
    let link = format!("{}/support-users", c.public_url);
    for admin in store::administrators(conn, &c.actor.organisation.id, new_id)? {
        let (subject, body) = texts::user_created(
            admin.locale.unwrap_or_default(),
            &UserCreated {
                recipient: &admin.name,
                name: &created.name,
                email: &created.email,
                role,
                actor: &c.actor.user.name,
                invited,
                link: &link,
            },
        );
        mails.push(Mail {
            to_name: admin.name,
            to_email: admin.email,
            subject,
            body,
        });
    }
    Ok(())
}
