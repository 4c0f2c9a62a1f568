//! The state of a list as query parameters: one typed struct per list (`cases::CaseQuery`,
//! `users::SupportUserQuery`, `users::AuditQuery`, `history::HistoryQuery`, `help::HelpQuery`),
//! whose parameter names and values are the
//! same in the app's URL and in the request the backend reads, and [`Paged`] for the page of it
//! being shown. Both sides read them through [`QueryReader`]: the backend refuses what it could
//! not read (a 400 naming every field), the app drops it (a hand-edited URL never becomes an
//! error page).
use std::ops::Deref;

use crate::wire::{from_wire, wire_name};
use crate::{FieldCode, FieldError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The name of the paging parameter, in every list.
pub const CURSOR: &str = "cursor";
/// The name of the page-size parameter (only clients other than the app send it).
pub const LIMIT: &str = "limit";
/// The name of the parameter that asks for an answer's words in a language (`en`, `fr`, `es`).
pub const LANG: &str = "lang";
/// The name of the parameter that chooses a CSV download's [`Separator`].
pub const SEPARATOR: &str = "separator";
/// The name of the parameter that asks only for items after a sequence number.
pub const AFTER: &str = "after";

/// What separates the cells of a CSV download. Spreadsheets set to French or Spanish expect
/// `;`, as the comma is their decimal mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Separator {
    Comma,
    Semicolon,
}

impl Separator {
    /// `;` when `semicolon`, else `,`.
    pub fn of(semicolon: bool) -> Self {
        if semicolon {
            Separator::Semicolon
        } else {
            Separator::Comma
        }
    }

    /// The character between cells.
    pub fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
        }
    }
}

/// Longest search text or person id a list accepts, in characters.
pub const TEXT_MAX: usize = 200;

/// A list's view: what it reads from and writes to query parameters.
pub trait ListQuery: Clone + Default + PartialEq {
    /// Reads the list's parameters; what cannot be read is left at its default and reported
    /// to `reader`.
    fn read(reader: &mut QueryReader<'_>) -> Self;
    /// The parameters that differ from the defaults, in a fixed order: the same view is
    /// always the same URL.
    fn write(&self, out: &mut QueryWriter);
    /// Whether the user narrowed the list (so an empty page means "nothing matches", not
    /// "nothing yet"). Sorting and scope do not narrow it.
    fn is_filtered(&self) -> bool;
    /// The same view without its filters (it keeps its sort and scope).
    fn cleared(&self) -> Self;

    /// The parameters to send or to put in a URL.
    fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = QueryWriter::default();
        self.write(&mut out);
        out.0
    }
}

/// One page of a list's view: the query, and the cursor of the page (`None`: the first). A
/// changed view starts from its first page (`Paged::from(query)`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paged<Q> {
    pub query: Q,
    pub cursor: Option<String>,
}

impl<Q: ListQuery> Paged<Q> {
    /// Reads the query's parameters and the cursor.
    pub fn read(reader: &mut QueryReader<'_>) -> Self {
        let query = Q::read(reader);
        Paged {
            query,
            cursor: reader.cursor(),
        }
    }

    /// Reads a page leniently: unreadable values are dropped.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        Self::read(&mut QueryReader::new(pairs))
    }

    /// The parameters to send or to put in a URL, the cursor last.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = self.query.to_pairs();
        if let Some(c) = &self.cursor {
            out.push((CURSOR, c.clone()));
        }
        out
    }

    /// The same view at another page.
    pub fn at(&self, cursor: Option<String>) -> Self {
        Paged {
            query: self.query.clone(),
            cursor,
        }
    }
}

impl<Q> From<Q> for Paged<Q> {
    fn from(query: Q) -> Self {
        Paged {
            query,
            cursor: None,
        }
    }
}

impl<Q> Deref for Paged<Q> {
    type Target = Q;

    fn deref(&self) -> &Q {
        &self.query
    }
}

/// Reads parameters from a query's name-value pairs (a name may repeat), collecting a field
/// error for each value it cannot read.
pub struct QueryReader<'a> {
    pairs: &'a [(String, String)],
    errors: Vec<FieldError>,
}

impl<'a> QueryReader<'a> {
    pub fn new(pairs: &'a [(String, String)]) -> Self {
        QueryReader {
            pairs,
            errors: Vec::new(),
        }
    }

    /// The last non-blank value of `name`, trimmed.
    pub fn one(&self, name: &str) -> Option<&'a str> {
        self.pairs
            .iter()
            .rev()
            .find(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }

    /// Records a value that cannot be read.
    pub fn refuse(&mut self, name: &str, code: FieldCode, message: &str) {
        self.errors.push(FieldError::new(name, code, message));
    }

    /// Free text (a search, a person's id), `""` when absent; at most [`TEXT_MAX`] characters.
    pub fn text(&mut self, name: &str) -> String {
        match self.one(name) {
            Some(v) if v.chars().count() > TEXT_MAX => {
                self.refuse(name, FieldCode::TooLong, "Use at most 200 characters.");
                String::new()
            }
            v => v.unwrap_or_default().to_string(),
        }
    }

    /// One value of an enum, by its wire name.
    pub fn choice<T: Serialize + DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        let v = self.one(name)?;
        let value = from_wire(v);
        if value.is_none() {
            self.refuse(
                name,
                FieldCode::InvalidValue,
                &format!("`{v}` is not a valid {name}."),
            );
        }
        value
    }

    /// Several values of an enum: the parameter repeated, comma-separated, or both; each once.
    pub fn choices<T: Serialize + DeserializeOwned + PartialEq>(&mut self, name: &str) -> Vec<T> {
        let mut out = Vec::new();
        let pairs = self.pairs;
        let names = pairs
            .iter()
            .filter(|(k, _)| k == name)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty());
        for v in names {
            match from_wire::<T>(v) {
                Some(x) if !out.contains(&x) => out.push(x),
                Some(_) => {}
                None => {
                    self.refuse(
                        name,
                        FieldCode::InvalidValue,
                        &format!("`{v}` is not a valid {name}."),
                    );
                    break;
                }
            }
        }
        out
    }

    /// A date (`2026-01-31`) or an RFC 3339 time, as given; `""` when absent or malformed.
    pub fn date(&mut self, name: &str) -> String {
        match self.one(name) {
            Some(v) if is_date(v) || is_date_time(v) => v.to_string(),
            Some(_) => {
                self.refuse(
                    name,
                    FieldCode::InvalidTime,
                    "Use a date (2026-01-31) or an RFC 3339 time.",
                );
                String::new()
            }
            None => String::new(),
        }
    }

    /// The paging cursor, as given.
    pub fn cursor(&self) -> Option<String> {
        self.one(CURSOR).map(str::to_string)
    }

    /// The page size, from 1 to `max`; `default` when absent.
    pub fn limit(&mut self, default: u32, max: u32) -> u32 {
        match self.one(LIMIT).map(str::parse::<u32>) {
            None => default,
            Some(Ok(n)) if (1..=max).contains(&n) => n,
            Some(_) => {
                self.refuse(
                    LIMIT,
                    FieldCode::InvalidLimit,
                    &format!("Use a whole number from 1 to {max}."),
                );
                default
            }
        }
    }

    /// What could not be read.
    pub fn finish(self) -> Vec<FieldError> {
        self.errors
    }
}

/// Writes a list's parameters, leaving out what is at its default.
#[derive(Default)]
pub struct QueryWriter(Vec<(&'static str, String)>);

impl QueryWriter {
    /// `name=value`, unless `value` is empty.
    pub fn text(&mut self, name: &'static str, value: &str) {
        if !value.is_empty() {
            self.0.push((name, value.to_string()));
        }
    }

    /// An enum value by its wire name, unless it is the default.
    pub fn choice<T: Serialize + Default + PartialEq>(&mut self, name: &'static str, value: &T) {
        if *value != T::default() {
            self.text(name, wire_name(value));
        }
    }

    /// An optional enum value by its wire name.
    pub fn some<T: Serialize>(&mut self, name: &'static str, value: &Option<T>) {
        if let Some(v) = value {
            self.text(name, wire_name(v));
        }
    }

    /// Several enum values, comma-separated.
    pub fn choices<T: Serialize>(&mut self, name: &'static str, values: &[T]) {
        let names: Vec<&str> = values.iter().map(|v| wire_name(v)).collect();
        self.text(name, &names.join(","));
    }
}

/// Whether `s` is a `YYYY-MM-DD` date.
pub fn is_date(s: &str) -> bool {
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

/// Whether `s` has the shape of an RFC 3339 time (`2026-01-31T09:30:00Z`); the backend checks
/// the rest when it reads it.
fn is_date_time(s: &str) -> bool {
    s.len() >= 20 && s.is_char_boundary(10) && is_date(&s[..10]) && s.as_bytes()[10] == b'T'
}

/// Query pairs as a URL or a request gives them, for tests.
#[cfg(test)]
pub(crate) fn pairs(q: &[(&str, &str)]) -> Vec<(String, String)> {
    q.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A page's parameters as a URL gives them back, after checking that they read back as the same
/// page; for tests.
#[cfg(test)]
pub(crate) fn round_trip<Q: ListQuery + std::fmt::Debug>(page: &Paged<Q>) -> Vec<(String, String)> {
    let params: Vec<(String, String)> = page
        .to_pairs()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    assert_eq!(&Paged::from_pairs(&params), page);
    params
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_repeat_or_comma_separate_and_each_unreadable_one_is_named() {
        let p = pairs(&[
            ("product", "target, analytics"),
            ("product", "target"),
            ("from", "2026-01-31"),
            ("to", "soon"),
            ("q", &"x".repeat(201)),
        ]);
        let mut r = QueryReader::new(&p);
        assert_eq!(
            r.choices::<crate::Product>("product"),
            [crate::Product::Target, crate::Product::Analytics]
        );
        assert_eq!(r.date("from"), "2026-01-31");
        assert_eq!(r.date("to"), "");
        assert_eq!(r.text("q"), "");
        assert_eq!(r.limit(25, 100), 25);
        let codes: Vec<(String, FieldCode)> =
            r.finish().into_iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            codes,
            [
                ("to".to_string(), FieldCode::InvalidTime),
                ("q".to_string(), FieldCode::TooLong)
            ]
        );
    }

    #[test]
    fn page_sizes_must_be_in_range() {
        for (given, read, refused) in [("0", 25, true), ("100", 100, false), ("101", 25, true)] {
            let p = pairs(&[(LIMIT, given)]);
            let mut r = QueryReader::new(&p);
            assert_eq!(r.limit(25, 100), read);
            assert_eq!(r.finish().len(), usize::from(refused), "{given}");
        }
    }

    #[test]
    fn dates_and_times_have_their_shape() {
        assert!(is_date("2026-11-01"));
        assert!(!is_date("2026-1-01"));
        assert!(is_date_time("2026-11-01T09:30:00Z"));
        assert!(!is_date_time("2026-11-01 09:30"));
    }
}
