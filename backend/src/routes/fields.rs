//! Checks of request fields that several forms share: required text, lengths, products,
//! phone numbers and the `Idempotency-Key` header. Each pushes a field error with a stable code, so that one answer names every
//! bad field.

use std::collections::HashSet;

use axum::http::HeaderMap;

use support_contract::users::TOKEN_MAX;
use support_contract::wire::wire_name;
use support_contract::{FieldCode, FieldError, Product};

use crate::portal::PRODUCTS;
use crate::problem::{field, valid, ApiError};

/// A field error when `value` has more than `max` characters.
pub fn too_long(errors: &mut Vec<FieldError>, name: &str, value: Option<&str>, max: usize) {
    if value.is_some_and(|v| v.chars().count() > max) {
        errors.push(field(
            name,
            FieldCode::TooLong,
            &format!("Use at most {max} characters."),
        ));
    }
}

/// The ids a client listed, each once and in order, `except` left out. Linear: the list is
/// whatever the client sent (as many as the body holds), and only its length after this is
/// capped; this runs before any transaction.
pub fn distinct(ids: Vec<String>, except: Option<&str>) -> Vec<String> {
    let mut seen = HashSet::new();
    ids.into_iter()
        .filter(|id| Some(id.as_str()) != except && seen.insert(id.clone()))
        .collect()
}

/// A token of the public requests (an invitation's, a hand-off's): over [`TOKEN_MAX`] it is
/// no token the backend made, refused before it is hashed or looked up.
pub fn token_length(token: &str) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    too_long(&mut errors, "token", Some(token), TOKEN_MAX);
    valid(errors)
}

/// Required text: present, not blank, at most `max` characters.
pub fn required_text(
    errors: &mut Vec<FieldError>,
    name: &str,
    value: Option<&str>,
    max: usize,
) -> String {
    let v = value.unwrap_or("");
    if v.trim().is_empty() {
        errors.push(field(name, FieldCode::Required, "This field is required."));
    } else {
        too_long(errors, name, Some(v), max);
    }
    v.to_string()
}

/// A blank optional text is no text.
pub fn optional_text(v: Option<String>) -> Option<String> {
    v.filter(|s| !s.trim().is_empty())
}

/// How to name a product: "Choose analytics, target or audience_manager."
pub fn choose_product() -> String {
    let names: Vec<&str> = PRODUCTS.iter().map(wire_name).collect();
    let (last, rest) = names.split_last().expect("the portal offers products");
    format!("Choose {} or {last}.", rest.join(", "))
}

/// A product other than `unknown`, required.
pub fn required_product(errors: &mut Vec<FieldError>, value: Option<Product>) -> Option<Product> {
    let product = value.filter(|p| *p != Product::Unknown);
    if product.is_none() {
        errors.push(field("product", FieldCode::Required, "Choose a product."));
    }
    product
}

/// A plausible phone number: digits with the usual separators, an optional leading `+`.
pub fn valid_phone(phone: &str) -> bool {
    let p = phone.trim();
    let digits = p.chars().filter(char::is_ascii_digit).count();
    p.len() <= 40
        && (6..=20).contains(&digits)
        && p.char_indices()
            .all(|(i, c)| c.is_ascii_digit() || " -().".contains(c) || (c == '+' && i == 0))
}

/// A required phone number, trimmed: `missing` explains a blank one, `invalid` one that is not
/// a phone number.
pub fn required_phone(
    errors: &mut Vec<FieldError>,
    name: &str,
    value: Option<String>,
    missing: &str,
    invalid: &str,
) -> String {
    let phone = value.unwrap_or_default().trim().to_string();
    if phone.is_empty() {
        errors.push(field(name, FieldCode::Required, missing));
    } else if !valid_phone(&phone) {
        errors.push(field(name, FieldCode::InvalidPhone, invalid));
    }
    phone
}

/// Phone numbers with their country code, as the forms' hints show them.
pub const PHONE_EXAMPLE: &str =
    "Enter a phone number with its country code, for example +44 20 7946 0000.";

/// The `Idempotency-Key` header if one was sent (at most 200 characters).
pub fn idempotency_key_if_sent(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .unwrap_or("");
    if key.len() > 200 {
        return Err(ApiError::validation(vec![field(
            "Idempotency-Key",
            FieldCode::TooLong,
            "Use at most 200 characters.",
        )]));
    }
    Ok((!key.is_empty()).then(|| key.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_checked_by_shape() {
        for ok in ["+44 20 7946 0000", "(555) 010-0199", "+1-800-555-0100"] {
            assert!(valid_phone(ok), "{ok}");
        }
        for bad in ["", "12345", "call me", "+44+20 7946 0000", "<script>"] {
            assert!(!valid_phone(bad), "{bad}");
        }
    }

    #[test]
    fn listed_ids_count_once_in_order_and_the_excepted_not_at_all() {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            distinct(ids(&["b", "me", "a", "b", "a", "c"]), Some("me")),
            ids(&["b", "a", "c"])
        );
        assert_eq!(distinct(ids(&["me", "me"]), None), ids(&["me"]));
        let many: Vec<String> = (0..20_000).map(|i| format!("usr_{}", i % 7)).collect();
        assert_eq!(distinct(many, None).len(), 7);
    }
}
