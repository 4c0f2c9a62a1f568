//! Query-string pieces the lists share: the last value of a parameter, pages and their opaque
//! cursors, `after` sequence numbers and times. Bad values become field errors, collected so
//! that one answer names them all.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::de::DeserializeOwned;
use serde::Serialize;
use support_contract::query::{QueryReader, Separator, AFTER, CURSOR, LANG, SEPARATOR};
use support_contract::wire::from_wire;
use support_contract::{FieldCode, FieldError, Locale, Page};

use crate::auth::CurrentUser;
use crate::clock::parse_rfc3339;
use crate::problem::{field, valid, ApiError};

/// The last non-empty value of a query parameter.
pub fn one<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.is_empty())
}

/// An opaque cursor: the sort key of the last item of a page, as base64 JSON.
pub fn encode_cursor<T: Serialize>(key: &T) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(key).unwrap_or_default())
}

/// One page of a list read with one row more than `limit`: the extra row only tells that another
/// page exists, and then the cursor is `key` of the last row kept.
pub fn page<R, T, K: Serialize>(
    mut rows: Vec<R>,
    limit: u32,
    key: impl Fn(&R) -> K,
    item: impl FnMut(R) -> T,
) -> Page<T> {
    let next_cursor = if rows.len() > limit as usize {
        rows.truncate(limit as usize);
        rows.last().map(|last| encode_cursor(&key(last)))
    } else {
        None
    };
    Page {
        items: rows.into_iter().map(item).collect(),
        next_cursor,
    }
}

/// The key of a cursor made by [`encode_cursor`], if it is one.
pub fn decode_cursor<T: DeserializeOwned>(cursor: &str) -> Option<T> {
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(cursor).ok()?).ok()
}

/// The `cursor` parameter decoded and accepted by `valid`, or a field error.
pub fn cursor<T: DeserializeOwned>(
    v: Option<&str>,
    valid: impl Fn(&T) -> bool,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    let v = v?;
    match decode_cursor::<T>(v).filter(|c| valid(c)) {
        Some(c) => Some(c),
        None => {
            errors.push(field(
                CURSOR,
                FieldCode::InvalidCursor,
                "Start again from the first page.",
            ));
            None
        }
    }
}

/// An `after` parameter: the sequence number of the last item the client has (0 when absent);
/// `hint` tells what to send instead of a bad one.
pub fn after_seq(v: Option<&str>, hint: &str) -> Result<i64, ApiError> {
    match v.filter(|a| !a.is_empty()) {
        None => Ok(0),
        Some(a) => {
            a.parse::<i64>().ok().filter(|a| *a >= 0).ok_or_else(|| {
                ApiError::validation(vec![field(AFTER, FieldCode::InvalidValue, hint)])
            })
        }
    }
}

/// An RFC 3339 time, or a date (`from`: its start, `to`: its end), as Unix seconds.
pub fn parse_time(v: &str, end_of_day: bool) -> Option<i64> {
    if let Some(t) = parse_rfc3339(v) {
        return Some(t);
    }
    let mut parts = v.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    let d = time::Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()?;
    let start = d.midnight().assume_utc().unix_timestamp();
    Some(if end_of_day { start + 86_399 } else { start })
}

/// A `from` or `to` parameter, or a field error.
pub fn time_param(
    name: &str,
    v: Option<&str>,
    end_of_day: bool,
    errors: &mut Vec<FieldError>,
) -> Option<i64> {
    let v = v?;
    let t = parse_time(v, end_of_day);
    if t.is_none() {
        errors.push(field(
            name,
            FieldCode::InvalidTime,
            "Use a date (2026-01-31) or an RFC 3339 time.",
        ));
    }
    t
}

/// The `from` and `to` of a list (each a date or an RFC 3339 time, on its day's start or end),
/// or, when neither is given, the `default_secs` before `now`. Bad values become field errors.
pub fn time_range(
    from: &str,
    to: &str,
    default_secs: i64,
    now: i64,
    errors: &mut Vec<FieldError>,
) -> (Option<i64>, Option<i64>) {
    let from = time_param("from", Some(from).filter(|s| !s.is_empty()), false, errors);
    let to = time_param("to", Some(to).filter(|s| !s.is_empty()), true, errors);
    match (from, to) {
        (None, None) => (Some(now - default_secs), None),
        range => range,
    }
}

/// The CSV separator a download asks for (`separator=comma|semicolon`), else `default`.
pub fn separator(reader: &mut QueryReader<'_>, default: Separator) -> char {
    reader
        .choice::<Separator>(SEPARATOR)
        .unwrap_or(default)
        .char()
}

/// The language to answer in: `lang` when given, else the one chosen in the caller's profile,
/// else English.
pub fn language(reader: &mut QueryReader<'_>, profile: Option<Locale>) -> Locale {
    let Some(tag) = reader.one(LANG) else {
        return profile.unwrap_or_default();
    };
    from_wire(tag).unwrap_or_else(|| {
        reader.refuse(LANG, FieldCode::InvalidLocale, "Use en, fr or es.");
        Locale::default()
    })
}

/// The caller's language (see [`language`]) and what `more` reads of the same query; 400
/// naming every parameter that could not be read.
pub fn with_language<T>(
    pairs: &[(String, String)],
    user: &CurrentUser,
    more: impl FnOnce(&mut QueryReader<'_>) -> T,
) -> Result<(T, Locale), ApiError> {
    let mut reader = QueryReader::new(pairs);
    let language = language(&mut reader, user.user.locale);
    let value = more(&mut reader);
    valid(reader.finish())?;
    Ok((value, language))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::pairs;

    #[test]
    fn the_language_is_asked_for_or_the_profiles() {
        let read = |q: &[(&str, &str)], profile| {
            let pairs = pairs(q);
            let mut reader = QueryReader::new(&pairs);
            let locale = language(&mut reader, profile);
            (locale, reader.finish().len())
        };
        assert_eq!(read(&[("lang", "es")], Some(Locale::Fr)), (Locale::Es, 0));
        assert_eq!(read(&[], Some(Locale::Fr)), (Locale::Fr, 0));
        assert_eq!(read(&[], None), (Locale::En, 0));
        assert_eq!(read(&[("lang", "de")], None), (Locale::En, 1));
    }

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        let c = encode_cursor(&("name", "casey lee", "usr_1"));
        assert_eq!(
            decode_cursor::<(String, String, String)>(&c),
            Some(("name".into(), "casey lee".into(), "usr_1".into()))
        );
        assert_eq!(decode_cursor::<(String, String)>("not a cursor"), None);
        let mut errors = Vec::new();
        assert_eq!(
            cursor::<(i64, i64)>(Some("!!"), |_| true, &mut errors),
            None
        );
        assert_eq!(errors[0].code, support_contract::FieldCode::InvalidCursor);
    }

    #[test]
    fn times_are_dates_or_rfc3339() {
        assert_eq!(parse_time("1970-01-02", false), Some(86_400));
        assert_eq!(parse_time("1970-01-01", true), Some(86_399));
        assert_eq!(parse_time("1970-01-01T00:01:00Z", false), Some(60));
        assert_eq!(parse_time("yesterday", false), None);
    }

    #[test]
    fn page_sizes_are_read_by_the_query_reader_within_bounds() {
        use support_contract::query::QueryReader;
        let zero = crate::tests::pairs(&[("limit", "0")]);
        let mut reader = QueryReader::new(&zero);
        assert_eq!(reader.limit(50, 200), 50);
        assert_eq!(reader.finish().len(), 1);
        let max = crate::tests::pairs(&[("limit", "200")]);
        let mut reader = QueryReader::new(&max);
        assert_eq!(reader.limit(50, 200), 200);
        assert!(reader.finish().is_empty());
    }
}
