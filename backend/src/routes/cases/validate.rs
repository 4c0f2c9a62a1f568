//! Checking a filing: text lengths, phone numbers, time zones, watchers and attachments.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use support_contract::cases::{
    requires_business_impact, Attachment, NewCase, Priority, ProductDetails,
};
use support_contract::{FieldCode, FieldError, Product};

use crate::attachments;
use crate::member::Member;
use crate::problem::{field, ApiError};
use crate::routes::fields::{
    distinct, optional_text, required_phone, required_product, required_text, too_long,
    PHONE_EXAMPLE,
};
use crate::store::people;

use support_contract::cases::{Detail, DETAIL_MAX};
pub use support_contract::cases::{SHORT_MAX, TEXT_MAX, TITLE_MAX, WATCHERS_MAX};

/// `POST /cases` body as received: everything optional so that a missing field is a field
/// error (`required`), not unreadable JSON. Its JSON (a fixed field order) is what the
/// idempotency key is bound to.
#[derive(Deserialize, Serialize)]
pub struct CaseForm {
    #[serde(default)]
    product: Option<Product>,
    #[serde(default)]
    priority: Option<Priority>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    details: ProductDetails,
    #[serde(default)]
    reproducible: bool,
    #[serde(default)]
    steps_to_reproduce: Option<String>,
    #[serde(default)]
    environment: Option<String>,
    #[serde(default)]
    business_impact: Option<String>,
    #[serde(default)]
    contact_phone: Option<String>,
    #[serde(default)]
    time_zone: Option<String>,
    #[serde(default)]
    watchers: Vec<String>,
    #[serde(default)]
    attachments: Vec<String>,
}

/// A plausible IANA time zone name (`UTC`, `Europe/Paris`, `America/Argentina/Salta`). The
/// backend has no zone database, so this checks the shape and the area.
pub fn valid_time_zone(tz: &str) -> bool {
    const AREAS: [&str; 11] = [
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
        "Etc",
    ];
    if tz == "UTC" || tz == "GMT" {
        return true;
    }
    let mut parts = tz.split('/');
    let area_ok = parts.next().is_some_and(|a| AREAS.contains(&a));
    let rest: Vec<&str> = parts.collect();
    area_ok
        && tz.len() <= 64
        && !rest.is_empty()
        && rest.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-+".contains(c))
        })
}

/// A filing checked as far as its own text goes: its fields, the field errors found so far, and
/// the watchers (once each, the filer aside) and attachments the database has still to confirm.
pub(super) struct Checked {
    new: NewCase,
    errors: Vec<FieldError>,
}

/// Checks what the filing alone decides, before the transaction: the database is locked for
/// every organisation while it runs, so nothing that could be done here waits for it there.
/// More watchers or attachments than allowed are refused at once (`too_many`), with the other
/// field errors but without looking anyone up.
pub(super) fn check(filer_id: &str, form: CaseForm) -> Result<Checked, ApiError> {
    let mut errors = Vec::new();
    let product = required_product(&mut errors, form.product);
    let priority = form.priority.filter(|p| *p != Priority::Unknown);
    if priority.is_none() {
        errors.push(field("priority", FieldCode::Required, "Choose a priority."));
    }
    let title = required_text(&mut errors, "title", form.title.as_deref(), TITLE_MAX);
    let description = required_text(
        &mut errors,
        "description",
        form.description.as_deref(),
        TEXT_MAX,
    );
    let business_impact = optional_text(form.business_impact);
    if priority.is_some_and(requires_business_impact) && business_impact.is_none() {
        errors.push(field(
            "business_impact",
            FieldCode::Required,
            "Describe the business impact of a critical (P1) case.",
        ));
    }
    too_long(
        &mut errors,
        "business_impact",
        business_impact.as_deref(),
        SHORT_MAX,
    );
    let steps = optional_text(form.steps_to_reproduce);
    too_long(
        &mut errors,
        "steps_to_reproduce",
        steps.as_deref(),
        SHORT_MAX,
    );
    let environment = optional_text(form.environment);
    too_long(
        &mut errors,
        "environment",
        environment.as_deref(),
        SHORT_MAX,
    );
    for detail in Detail::ALL {
        match detail.problem(&form.details) {
            Some(FieldCode::InvalidUrl) => errors.push(field(
                detail.field(),
                FieldCode::InvalidUrl,
                "Enter a web address that starts with https:// or http://.",
            )),
            Some(_) => too_long(
                &mut errors,
                detail.field(),
                detail.value(&form.details),
                DETAIL_MAX,
            ),
            None => {}
        }
    }
    let phone = required_phone(
        &mut errors,
        "contact_phone",
        form.contact_phone,
        "Enter a contact phone.",
        PHONE_EXAMPLE,
    );
    let time_zone = form.time_zone.unwrap_or_default().trim().to_string();
    if time_zone.is_empty() {
        errors.push(field(
            "time_zone",
            FieldCode::Required,
            "Choose a time zone.",
        ));
    } else if !valid_time_zone(&time_zone) {
        errors.push(field(
            "time_zone",
            FieldCode::InvalidTimeZone,
            "Choose a time zone such as Europe/London.",
        ));
    }
    let watchers = distinct(form.watchers, Some(filer_id));
    let mut too_many = false;
    if watchers.len() > WATCHERS_MAX {
        too_many = true;
        errors.push(field(
            "watchers",
            FieldCode::TooMany,
            &format!("Add at most {WATCHERS_MAX} watchers."),
        ));
    }
    if form.attachments.len() > attachments::MAX_PER_REQUEST {
        too_many = true;
        errors.push(attachments::too_many());
    }
    if too_many {
        return Err(ApiError::validation(errors));
    }
    let new = NewCase {
        product: product.unwrap_or(Product::Unknown),
        priority: priority.unwrap_or(Priority::Unknown),
        title: title.trim().to_string(),
        description,
        details: form.details,
        reproducible: form.reproducible,
        steps_to_reproduce: steps,
        environment,
        business_impact,
        contact_phone: phone,
        time_zone,
        watchers,
        attachments: form.attachments,
    };
    Ok(Checked { new, errors })
}

/// Completes the check in the transaction: every watcher an active member of the organisation,
/// every attachment the filer's own and attached nowhere. Answers every field error at once.
pub(super) fn resolve(
    conn: &Connection,
    user: Member<'_>,
    checked: Checked,
) -> Result<(NewCase, Vec<Attachment>), ApiError> {
    let Checked { new, mut errors } = checked;
    for w in &new.watchers {
        if !people::is_active_member(conn, &user.organisation.id, w)? {
            errors.push(field(
                "watchers",
                FieldCode::NotAMember,
                "A watcher is not an active member of your organisation.",
            ));
            break;
        }
    }
    let attachments = attachments::unlinked(conn, user, &new.attachments, &mut errors)?;
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    Ok((new, attachments))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_zones_are_checked_by_shape() {
        for ok in [
            "UTC",
            "Europe/Paris",
            "America/Argentina/Salta",
            "Etc/GMT+5",
        ] {
            assert!(valid_time_zone(ok), "{ok}");
        }
        for bad in ["", "Paris", "Mars/Olympus", "Europe/", "Europe/../etc"] {
            assert!(!valid_time_zone(bad), "{bad}");
        }
    }
}
