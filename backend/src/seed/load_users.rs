//! Generated accounts for the load benchmark (`--demo-users N`, `make load`): N Customer
//! Support Administrators (they file cases and chat), [`PER_ORGANISATION`] to an organisation,
//! each signing in with the demo password. Only with `--demo` on a fresh database, as the
//! other generated benchmark data.

use rusqlite::Connection;
use support_contract::{Plan, Region, Role, UserSource, UserStatus};

use super::{demo_hash, insert_org, insert_user};
use crate::store;

/// Accounts per generated organisation: a list of an organisation's cases grows with the
/// cases all its people file, as it would in a customer with a team of this size.
pub const PER_ORGANISATION: u32 = 10;

/// The email of the `n`th generated account, counted from 1.
pub fn load_user_email(n: u32) -> String {
    format!("load-{n}@bench.example")
}

/// Adds `n` accounts (`load-1@bench.example` to `load-<n>@bench.example`) in organisations
/// named `Benchmark <k>`, in one transaction.
pub fn seed_load_users(conn: &mut Connection, n: u32) -> store::Result<()> {
    let tx = conn.transaction()?;
    let mut org_id = String::new();
    for i in 0..n {
        if i % PER_ORGANISATION == 0 {
            let name = format!("Benchmark {}", i / PER_ORGANISATION + 1);
            org_id = insert_org(&tx, &name, Plan::Standard, Region::Emea)?;
        }
        insert_user(
            &tx,
            &org_id,
            &load_user_email(i + 1),
            &format!("Load User {}", i + 1),
            Some(Role::CustomerSupportAdmin),
            UserStatus::Active,
            UserSource::Portal,
            Some(demo_hash()),
        )?;
    }
    Ok(tx.commit()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_users_fill_organisations_of_ten() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::db::migrate(&mut conn).unwrap();
        seed_load_users(&mut conn, 25).unwrap();
        let (users, orgs): (i64, i64) = conn
            .query_row(
                "SELECT count(*) AS users, count(DISTINCT organisation_id) AS orgs FROM users \
                 WHERE email LIKE 'load-%@bench.example' AND role = 'customer_support_admin'",
                [],
                |r| Ok((r.get("users")?, r.get("orgs")?)),
            )
            .unwrap();
        assert_eq!((users, orgs), (25, 3));
    }
}
