//! The state of an administration list (search, filters, sort, page) as it lives in the URL.
//! One schema per list names its parameters and the values each accepts; the same parameters
//! go to the backend unchanged. Parsing is forgiving: an unknown value in a hand-edited URL is
//! dropped, never an error page.

/// What a parameter accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Accepts {
    /// Any text (trimmed).
    Text,
    /// One of these values (the contract's wire names).
    OneOf(&'static [&'static str]),
    /// A `YYYY-MM-DD` date.
    Date,
}

/// A list's parameters, in the order they appear in URLs.
pub type Schema = &'static [(&'static str, Accepts)];

/// The name of the paging parameter; any other change starts from the first page.
pub const CURSOR: &str = "cursor";
/// The name of the sort parameter; sorting alone does not make a list "filtered".
pub const SORT: &str = "sort";

/// The support-user list: search, role, status, validation, sort and page.
pub const SUPPORT_USERS: Schema = &[
    ("q", Accepts::Text),
    (
        "role",
        Accepts::OneOf(&["support_system_admin", "customer_support_admin"]),
    ),
    (
        "status",
        Accepts::OneOf(&["invited", "active", "removed", "all"]),
    ),
    (
        "validation",
        Accepts::OneOf(&[
            "needs_review",
            "pending",
            "validated",
            "flagged",
            "review_due",
        ]),
    ),
    (
        SORT,
        Accepts::OneOf(&[
            "name",
            "-name",
            "email",
            "-email",
            "created",
            "-created",
            "last_active",
            "-last_active",
        ]),
    ),
    (CURSOR, Accepts::Text),
];

/// The audit log: action, search, dates and page.
pub const AUDIT_LOG: Schema = &[
    (
        "action",
        Accepts::OneOf(&[
            "user_created",
            "user_imported",
            "role_changed",
            "user_removed",
            "user_validated",
            "user_flagged",
            "invitation_accepted",
        ]),
    ),
    ("q", Accepts::Text),
    // The user id of the administrator who made the change.
    ("actor", Accepts::Text),
    ("from", Accepts::Date),
    ("to", Accepts::Date),
    (CURSOR, Accepts::Text),
];

/// The values of a list's parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListParams {
    schema: Schema,
    values: Vec<(&'static str, String)>,
}

/// Whether `s` is a `YYYY-MM-DD` date.
pub(super) fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

fn accepted(accepts: Accepts, value: &str) -> bool {
    match accepts {
        Accepts::Text => !value.is_empty(),
        Accepts::OneOf(values) => values.contains(&value),
        Accepts::Date => is_date(value),
    }
}

impl ListParams {
    /// Reads the parameters of `schema` from a URL (`get` answers one parameter).
    pub fn from_params(schema: Schema, get: impl Fn(&str) -> Option<String>) -> ListParams {
        let values = schema
            .iter()
            .filter_map(|(name, accepts)| {
                let v = get(name)?.trim().to_string();
                accepted(*accepts, &v).then_some((*name, v))
            })
            .collect();
        ListParams { schema, values }
    }

    /// A parameter's value, `""` when unset.
    pub fn get(&self, name: &str) -> &str {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// The same list with `name` set to `value` (unset when empty or not accepted). Any change
    /// but the cursor starts from the first page.
    pub fn with(&self, name: &str, value: &str) -> ListParams {
        let value = value.trim();
        let mut values: Vec<(&'static str, String)> = Vec::new();
        for (n, accepts) in self.schema {
            let v = if *n == name {
                value.to_string()
            } else if *n == CURSOR && name != CURSOR {
                String::new()
            } else {
                self.get(n).to_string()
            };
            if accepted(*accepts, &v) {
                values.push((n, v));
            }
        }
        ListParams {
            schema: self.schema,
            values,
        }
    }

    /// The set parameters, in schema order: the same view is always the same URL.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        self.values.clone()
    }

    /// The same list without filters, keeping its sort.
    pub fn cleared(&self) -> ListParams {
        ListParams::from_params(self.schema, |_| None).with(SORT, self.get(SORT))
    }

    /// Whether the user narrowed the list (so an empty result means "no match").
    pub fn is_filtered(&self) -> bool {
        self.values.iter().any(|(n, _)| *n != CURSOR && *n != SORT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(pairs: &[(&str, &str)]) -> ListParams {
        ListParams::from_params(SUPPORT_USERS, |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn a_url_round_trips_in_a_stable_order_and_unknown_values_are_dropped() {
        let p = from(&[
            ("sort", "-created"),
            ("role", "customer_support_admin"),
            ("q", " ana "),
            ("status", "deleted"),
        ]);
        assert_eq!(
            p.to_params(),
            vec![
                ("q", "ana".to_string()),
                ("role", "customer_support_admin".to_string()),
                ("sort", "-created".to_string()),
            ]
        );
        assert!(p.is_filtered());
        assert!(!from(&[("sort", "email"), ("cursor", "abc")]).is_filtered());
    }

    #[test]
    fn changing_a_filter_starts_from_the_first_page() {
        let p = from(&[("q", "ana"), ("cursor", "abc")]);
        assert_eq!(p.with("role", "support_system_admin").get(CURSOR), "");
        assert_eq!(p.with(CURSOR, "def").get(CURSOR), "def");
        assert_eq!(p.with(CURSOR, "def").get("q"), "ana");
        assert_eq!(p.with("q", "").get("q"), "");
    }

    #[test]
    fn clearing_keeps_the_sort_only() {
        let p = from(&[("q", "ana"), ("sort", "email"), ("validation", "flagged")]);
        assert_eq!(p.cleared().to_params(), vec![("sort", "email".to_string())]);
    }

    #[test]
    fn audit_dates_must_be_dates() {
        let p = ListParams::from_params(AUDIT_LOG, |k| match k {
            "from" => Some("2026-11-01".into()),
            "to" => Some("yesterday".into()),
            "action" => Some("role_changed".into()),
            _ => None,
        });
        assert_eq!(p.get("from"), "2026-11-01");
        assert_eq!(p.get("to"), "");
        assert_eq!(p.get("action"), "role_changed");
    }
}
