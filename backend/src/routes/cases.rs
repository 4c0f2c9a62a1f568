//! `/cases`: filing, listing, reading and working support cases as a customer. Every handler
//! requires `manage_cases` and is scoped to the caller's organisation: another organisation's
//! case is "not found", never data.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use support_contract::cases::{
    may_reopen, requires_business_impact, transition_allowed, Actor, CallRequest, CallTiming, Case,
    CaseScope, CaseSort, CaseStatus, CaseSummary, NewCase, NewComment, Person, Priority,
    ProductDetails, ThreadEntry, ThreadEvent, UrgencyChange,
};
use support_contract::{problem_types as types, FieldError, Page, Phase, Product};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::auth::{CurrentUser, ManageCases, RequireCapability};
use crate::cases::{self as store, CaseRow, CASE_COLUMNS, URGENCY_CHANGE_INTERVAL};
use crate::db::unix_now;
use crate::extract::{ApiJson, ApiQuery};
use crate::model::enum_from_db;
use crate::problem::{field, ApiError};
use crate::routes::responses::{
    Conflict, Forbidden, NotFound, PreconditionFailed, PreconditionRequired, Unauthenticated,
    UrgencyChangeTooSoon, Validation,
};
use crate::state::AppState;

/// Page size when the client does not ask for one.
pub const DEFAULT_LIMIT: u32 = 25;
/// The largest page a client may ask for.
pub const MAX_LIMIT: u32 = 100;
/// The default time range of a list: the last 90 days.
pub const DEFAULT_RANGE_SECS: i64 = 90 * 86_400;
/// Longest title, description or comment, in characters.
pub const TITLE_MAX: usize = 200;
pub const TEXT_MAX: usize = 20_000;
/// Longest short free-text field (steps, environment, impact, details, reasons).
pub const SHORT_MAX: usize = 5_000;

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

fn too_long(errors: &mut Vec<FieldError>, name: &str, value: Option<&str>, max: usize) {
    if value.is_some_and(|v| v.chars().count() > max) {
        errors.push(field(
            name,
            "too_long",
            &format!("Use at most {max} characters."),
        ));
    }
}

/// Required text: present, not blank, at most `max` characters.
fn required_text(
    errors: &mut Vec<FieldError>,
    name: &str,
    value: Option<&str>,
    max: usize,
) -> String {
    let v = value.unwrap_or("");
    if v.trim().is_empty() {
        errors.push(field(name, "required", "This field is required."));
    } else {
        too_long(errors, name, Some(v), max);
    }
    v.to_string()
}

/// A blank optional text is no text.
fn optional_text(v: Option<String>) -> Option<String> {
    v.filter(|s| !s.trim().is_empty())
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

/// Checks attachment ids: the caller's own uploads that no case holds yet.
fn attachments_of(
    conn: &Connection,
    user: &CurrentUser,
    ids: &[String],
    errors: &mut Vec<FieldError>,
) -> Result<Vec<support_contract::cases::Attachment>, ApiError> {
    if ids.len() > 20 {
        errors.push(field(
            "attachments",
            "too_many",
            "Attach at most 20 files at once.",
        ));
        return Ok(Vec::new());
    }
    match store::unlinked_attachments(conn, &user.organisation.id, &user.user.id, ids)? {
        Some(found) => Ok(found),
        None => {
            errors.push(field(
                "attachments",
                "unknown_attachment",
                "An attachment was not found; upload it again.",
            ));
            Ok(Vec::new())
        }
    }
}

/// Validates a filing against the rules and the organisation's people.
fn validate(
    conn: &Connection,
    user: &CurrentUser,
    form: CaseForm,
) -> Result<(NewCase, Vec<support_contract::cases::Attachment>), ApiError> {
    let mut errors = Vec::new();
    let product = form.product.filter(|p| *p != Product::Unknown);
    if product.is_none() {
        errors.push(field("product", "required", "Choose a product."));
    }
    let priority = form.priority.filter(|p| *p != Priority::Unknown);
    if priority.is_none() {
        errors.push(field("priority", "required", "Choose a priority."));
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
            "required",
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
    let d = &form.details;
    for (name, v) in [
        ("details.report_suite_id", &d.report_suite_id),
        ("details.workspace_url", &d.workspace_url),
        ("details.activity_name", &d.activity_name),
        ("details.site_url", &d.site_url),
        ("details.data_source_id", &d.data_source_id),
        ("details.segment_id", &d.segment_id),
    ] {
        too_long(&mut errors, name, v.as_deref(), 2_000);
    }
    let phone = form.contact_phone.unwrap_or_default().trim().to_string();
    if phone.is_empty() {
        errors.push(field("contact_phone", "required", "Enter a contact phone."));
    } else if !valid_phone(&phone) {
        errors.push(field(
            "contact_phone",
            "invalid_phone",
            "Enter a phone number with its country code, for example +44 20 7946 0000.",
        ));
    }
    let time_zone = form.time_zone.unwrap_or_default().trim().to_string();
    if time_zone.is_empty() {
        errors.push(field("time_zone", "required", "Choose a time zone."));
    } else if !valid_time_zone(&time_zone) {
        errors.push(field(
            "time_zone",
            "invalid_time_zone",
            "Choose a time zone such as Europe/London.",
        ));
    }
    let mut watchers: Vec<String> = Vec::new();
    for w in form.watchers {
        if w != user.user.id && !watchers.contains(&w) {
            watchers.push(w);
        }
    }
    if watchers.len() > 50 {
        errors.push(field("watchers", "too_many", "Add at most 50 watchers."));
    } else {
        let mut stmt = conn.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM users WHERE id = ?1 AND organisation_id = ?2 AND status = 'active')",
        )?;
        for w in &watchers {
            let ok: bool = stmt.query_row(params![w, user.organisation.id], |r| r.get(0))?;
            if !ok {
                errors.push(field(
                    "watchers",
                    "not_a_member",
                    "A watcher is not an active member of your organisation.",
                ));
                break;
            }
        }
    }
    let attachments = attachments_of(conn, user, &form.attachments, &mut errors)?;
    if !errors.is_empty() {
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
    Ok((new, attachments))
}

fn etag(version: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).expect("digits")
}

/// A case with its `ETag`.
fn case_response(status: StatusCode, case: Case) -> Response {
    let tag = etag(case.version);
    (status, [(header::ETAG, tag)], Json(case)).into_response()
}

fn location(case_id: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("/api/v1/cases/{case_id}")).expect("ids are URL-safe")
}

/// The `Idempotency-Key` header: required, 1 to 200 visible ASCII characters.
fn idempotency_key(headers: &HeaderMap) -> Result<String, ApiError> {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .unwrap_or("");
    if key.is_empty() {
        return Err(ApiError::validation(vec![field(
            "Idempotency-Key",
            "required",
            "Send an Idempotency-Key header: the same key returns the same case.",
        )]));
    }
    if key.len() > 200 {
        return Err(ApiError::validation(vec![field(
            "Idempotency-Key",
            "too_long",
            "Use at most 200 characters.",
        )]));
    }
    Ok(key.to_string())
}

/// The version an edit expects, from `If-Match` (`"3"`, `W/"3"` or `*` for any).
fn if_match(headers: &HeaderMap) -> Result<Option<i64>, ApiError> {
    let Some(v) = headers.get(header::IF_MATCH) else {
        return Err(ApiError::precondition_required());
    };
    let v = v.to_str().unwrap_or("").trim();
    if v == "*" {
        return Ok(None);
    }
    v.trim_start_matches("W/")
        .trim_matches('"')
        .parse::<i64>()
        .map(Some)
        .map_err(|_| {
            ApiError::validation(vec![field(
                "If-Match",
                "invalid_etag",
                "Send the case's ETag, for example \"3\".",
            )])
        })
}

/// A case of the caller's organisation, or 404.
fn own_case(conn: &Connection, user: &CurrentUser, id: &str) -> Result<CaseRow, ApiError> {
    store::load(conn, id, Some(&user.organisation.id))?.ok_or_else(ApiError::not_found)
}

/// A case of the caller's organisation whose version is the one `If-Match` names.
fn case_for_edit(
    conn: &Connection,
    user: &CurrentUser,
    id: &str,
    headers: &HeaderMap,
) -> Result<CaseRow, ApiError> {
    let expected = if_match(headers)?;
    let c = own_case(conn, user, id)?;
    if expected.is_some_and(|v| v != c.version) {
        return Err(ApiError::precondition_failed());
    }
    Ok(c)
}

fn person(user: &CurrentUser) -> Person {
    Person {
        id: user.user.id.clone(),
        name: user.user.name.clone(),
    }
}

fn transition_not_allowed(detail: &str) -> ApiError {
    ApiError::problem(
        types::TRANSITION_NOT_ALLOWED,
        StatusCode::CONFLICT,
        "Not possible in this status",
        detail,
    )
}

/// File a case.
///
/// Send an `Idempotency-Key` header: the same key from the same user returns the case it
/// created (200) instead of filing another; the same key with a different body is a conflict.
/// Attachments must be uploaded first (`POST /attachments`) by the same user. Refused in the
/// `setup` phase (`urn:support-portal:problem:case-filing-closed`). The response target is
/// counted in plain minutes from filing (business-hours calendars are not applied yet).
#[utoipa::path(
    post,
    path = "/cases",
    tag = "cases",
    security(("session_cookie" = [])),
    params(("Idempotency-Key" = String, Header, description = "Client-chosen key, 1 to 200 characters; keep it with the draft")),
    request_body = NewCase,
    responses(
        (status = 201, description = "Filed", body = Case,
            headers(("Location" = String, description = "The case's URL"), ("ETag" = String, description = "The case's version"))),
        (status = 200, description = "Already filed with this key: the same case", body = Case,
            headers(("ETag" = String, description = "The case's version"))),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 409, response = Conflict),
    )
)]
pub async fn create_case(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    headers: HeaderMap,
    ApiJson(form): ApiJson<CaseForm>,
) -> Result<Response, ApiError> {
    if state.config.phase == Phase::Setup {
        return Err(ApiError::problem(
            types::CASE_FILING_CLOSED,
            StatusCode::FORBIDDEN,
            "Case filing is not open yet",
            "The portal is being set up; call support by phone meanwhile.",
        ));
    }
    let key = idempotency_key(&headers)?;
    let hash: String = Sha256::digest(serde_json::to_vec(&form).unwrap_or_default())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let now = unix_now();
    let mut conn = state.db.conn();
    let tx = conn.transaction()?;
    let earlier: Option<(String, String)> = tx
        .query_row(
            "SELECT case_id, request_hash FROM idempotency_keys WHERE user_id = ?1 AND key = ?2",
            params![user.user.id, key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((case_id, earlier_hash)) = earlier {
        if earlier_hash != hash {
            return Err(ApiError::conflict(
                "This Idempotency-Key was already used to file a different case.",
            ));
        }
        let c = own_case(&tx, &user, &case_id)?;
        let case = store::full(&tx, &c, now)?;
        let mut res = case_response(StatusCode::OK, case);
        res.headers_mut()
            .insert(header::LOCATION, location(&case_id));
        return Ok(res);
    }
    let (new, attachments) = validate(&tx, &user, form)?;
    let id = store::insert(
        &tx,
        &user.organisation.id,
        user.organisation.plan,
        &user.user.id,
        &new,
        now,
    )?;
    if !attachments.is_empty() {
        store::link_attachments(&tx, &id, &attachments)?;
        store::add_entry(
            &tx,
            &id,
            now,
            Some(&person(&user)),
            false,
            ThreadEvent::AttachmentsAdded { attachments },
        )?;
    }
    tx.execute(
        "INSERT INTO idempotency_keys (user_id, key, case_id, request_hash, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![user.user.id, key, id, hash, now],
    )?;
    let c = own_case(&tx, &user, &id)?;
    let case = store::full(&tx, &c, now)?;
    tx.commit()?;
    let mut res = case_response(StatusCode::CREATED, case);
    res.headers_mut().insert(header::LOCATION, location(&id));
    Ok(res)
}

/// The list parameters after checking.
struct ListParams {
    scope: CaseScope,
    statuses: Vec<CaseStatus>,
    products: Vec<Product>,
    priorities: Vec<Priority>,
    requester: Option<String>,
    q: Option<String>,
    sort: CaseSort,
    from: Option<i64>,
    to: Option<i64>,
    after: Option<Cursor>,
    limit: u32,
}

/// The sort key of the last item of a page: sort, priority, time, id.
type Cursor = (String, String, i64, String);

fn encode_cursor(c: &Cursor) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(c).unwrap_or_default())
}

fn decode_cursor(s: &str) -> Option<Cursor> {
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(s).ok()?).ok()
}

fn sort_name(sort: CaseSort) -> String {
    crate::model::enum_to_db(&sort)
}

/// An RFC 3339 time, or a date (`from`: its start, `to`: its end), as Unix seconds.
fn parse_time(v: &str, end_of_day: bool) -> Option<i64> {
    if let Ok(t) = OffsetDateTime::parse(v, &Rfc3339) {
        return Some(t.unix_timestamp());
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

/// A multi-valued enum filter: repeated and/or comma-separated.
fn enum_list<T: serde::de::DeserializeOwned + PartialEq + Copy>(
    values: &[&str],
    unknown: T,
    name: &str,
    errors: &mut Vec<FieldError>,
) -> Vec<T> {
    let mut out = Vec::new();
    for v in values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
    {
        match enum_from_db::<T>(v) {
            Ok(x) if x != unknown => {
                if !out.contains(&x) {
                    out.push(x)
                }
            }
            _ => {
                errors.push(field(
                    name,
                    "invalid_value",
                    &format!("`{v}` is not a valid {name}."),
                ));
                break;
            }
        }
    }
    out
}

fn list_params(pairs: &[(String, String)]) -> Result<ListParams, ApiError> {
    let all = |name: &str| -> Vec<&str> {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    };
    let one = |name: &str| -> Option<&str> {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    };
    let mut errors = Vec::new();
    let scope = match one("scope") {
        None => CaseScope::Mine,
        Some(v) => enum_from_db(v).unwrap_or_else(|_| {
            errors.push(field("scope", "invalid_value", "Use mine or organisation."));
            CaseScope::Mine
        }),
    };
    let sort = match one("sort") {
        None => CaseSort::UpdatedDesc,
        Some(v) => enum_from_db(v).unwrap_or_else(|_| {
            errors.push(field(
                "sort",
                "invalid_value",
                "Use updated_desc, created_desc, created_asc or priority_asc.",
            ));
            CaseSort::UpdatedDesc
        }),
    };
    let statuses = enum_list(&all("status"), CaseStatus::Unknown, "status", &mut errors);
    let products = enum_list(&all("product"), Product::Unknown, "product", &mut errors);
    let priorities = enum_list(&all("priority"), Priority::Unknown, "priority", &mut errors);
    let mut time = |name: &str, end: bool| match one(name) {
        None => None,
        Some(v) => match parse_time(v, end) {
            Some(t) => Some(t),
            None => {
                errors.push(field(
                    name,
                    "invalid_time",
                    "Use a date (2026-01-31) or an RFC 3339 time.",
                ));
                None
            }
        },
    };
    let from = time("from", false);
    let to = time("to", true);
    let limit = match one("limit").map(str::parse::<u32>) {
        None => DEFAULT_LIMIT,
        Some(Ok(n)) if (1..=MAX_LIMIT).contains(&n) => n,
        Some(_) => {
            errors.push(field(
                "limit",
                "invalid_limit",
                "Use a whole number from 1 to 100.",
            ));
            DEFAULT_LIMIT
        }
    };
    let after = match one("cursor") {
        None => None,
        Some(c) => match decode_cursor(c).filter(|c| c.0 == sort_name(sort)) {
            Some(c) => Some(c),
            None => {
                errors.push(field(
                    "cursor",
                    "invalid_cursor",
                    "Start again from the first page.",
                ));
                None
            }
        },
    };
    let q = one("q").map(str::to_string);
    if q.as_deref().is_some_and(|q| q.chars().count() > 200) {
        errors.push(field("q", "too_long", "Use at most 200 characters."));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    Ok(ListParams {
        scope,
        statuses,
        products,
        priorities,
        requester: one("requester").map(str::to_string),
        q,
        sort,
        from,
        to,
        after,
        limit,
    })
}

/// The cases of the organisation, or the caller's own (filed or watched).
///
/// `status`, `product` and `priority` may repeat or hold comma-separated values. `q` searches
/// number, title, description and comments (every word, as a prefix). `from` and `to` bound
/// the filing time (a date or an RFC 3339 time); without either, the last 90 days.
#[utoipa::path(
    get,
    path = "/cases",
    tag = "cases",
    security(("session_cookie" = [])),
    params(
        ("scope" = Option<CaseScope>, Query, description = "mine (filed or watched; default) or organisation"),
        ("status" = Option<Vec<CaseStatus>>, Query, description = "Statuses, repeated or comma-separated"),
        ("product" = Option<Vec<Product>>, Query, description = "Products, repeated or comma-separated"),
        ("priority" = Option<Vec<Priority>>, Query, description = "Priorities, repeated or comma-separated"),
        ("requester" = Option<String>, Query, description = "User id of the requester"),
        ("q" = Option<String>, Query, description = "Full-text search, up to 200 characters"),
        ("sort" = Option<CaseSort>, Query, description = "Order (default updated_desc)"),
        ("from" = Option<String>, Query, description = "Filed at or after (date or RFC 3339)"),
        ("to" = Option<String>, Query, description = "Filed at or before (date or RFC 3339)"),
        ("limit" = Option<u32>, Query, description = "Page size, 1 to 100 (default 25)", minimum = 1, maximum = 100),
        ("cursor" = Option<String>, Query, description = "`next_cursor` of the previous page"),
    ),
    responses(
        (status = 200, description = "One page of cases", body = Page<CaseSummary>),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
    )
)]
pub async fn list_cases(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<Page<CaseSummary>>, ApiError> {
    let p = list_params(&pairs)?;
    let now = unix_now();
    let mut sql = format!(
        "SELECT {CASE_COLUMNS} FROM cases c JOIN users u ON u.id = c.requester_id \
         WHERE c.organisation_id = ?"
    );
    let mut args: Vec<SqlValue> = vec![user.organisation.id.clone().into()];
    if p.scope == CaseScope::Mine {
        sql.push_str(
            " AND (c.requester_id = ? OR EXISTS (SELECT 1 FROM case_watchers w \
             WHERE w.case_id = c.id AND w.user_id = ?))",
        );
        args.push(user.user.id.clone().into());
        args.push(user.user.id.clone().into());
    }
    let mut any_of = |column: &str, values: Vec<String>, args: &mut Vec<SqlValue>| {
        if !values.is_empty() {
            let marks = vec!["?"; values.len()].join(", ");
            sql.push_str(&format!(" AND {column} IN ({marks})"));
            args.extend(values.into_iter().map(SqlValue::from));
        }
    };
    use crate::model::enum_to_db;
    any_of(
        "c.status",
        p.statuses.iter().map(enum_to_db).collect(),
        &mut args,
    );
    any_of(
        "c.product",
        p.products.iter().map(enum_to_db).collect(),
        &mut args,
    );
    any_of(
        "c.priority",
        p.priorities.iter().map(enum_to_db).collect(),
        &mut args,
    );
    any_of(
        "c.requester_id",
        p.requester.into_iter().collect(),
        &mut args,
    );
    if let Some(q) = p.q.as_deref() {
        match store::fts_query(q) {
            Some(m) => {
                sql.push_str(
                    " AND c.id IN (SELECT case_id FROM case_search WHERE case_search MATCH ?)",
                );
                args.push(m.into());
            }
            // Nothing searchable (only punctuation): nothing matches.
            None => sql.push_str(" AND 0"),
        }
    }
    let (from, to) = match (p.from, p.to) {
        (None, None) => (Some(now - DEFAULT_RANGE_SECS), None),
        other => other,
    };
    if let Some(from) = from {
        sql.push_str(" AND c.created_at >= ?");
        args.push(from.into());
    }
    if let Some(to) = to {
        sql.push_str(" AND c.created_at <= ?");
        args.push(to.into());
    }
    if let Some((_, priority, t, id)) = p.after {
        let keyset = match p.sort {
            CaseSort::UpdatedDesc => " AND (c.updated_at, c.id) < (?, ?)",
            CaseSort::CreatedDesc => " AND (c.created_at, c.id) < (?, ?)",
            CaseSort::CreatedAsc => " AND (c.created_at, c.id) > (?, ?)",
            CaseSort::PriorityAsc => {
                args.push(priority.clone().into());
                args.push(priority.into());
                " AND (c.priority > ? OR (c.priority = ? AND (c.updated_at, c.id) < (?, ?)))"
            }
        };
        sql.push_str(keyset);
        args.push(t.into());
        args.push(id.into());
    }
    sql.push_str(match p.sort {
        CaseSort::UpdatedDesc => " ORDER BY c.updated_at DESC, c.id DESC",
        CaseSort::CreatedDesc => " ORDER BY c.created_at DESC, c.id DESC",
        CaseSort::CreatedAsc => " ORDER BY c.created_at ASC, c.id ASC",
        CaseSort::PriorityAsc => " ORDER BY c.priority ASC, c.updated_at DESC, c.id DESC",
    });
    sql.push_str(" LIMIT ?");
    args.push((p.limit as i64 + 1).into());

    let conn = state.db.conn();
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt
        .query_map(params_from_iter(args), store::case_row)?
        .collect::<Result<Vec<_>, _>>()?;
    let next_cursor = if rows.len() > p.limit as usize {
        rows.truncate(p.limit as usize);
        rows.last().map(|c| {
            let t = match p.sort {
                CaseSort::CreatedDesc | CaseSort::CreatedAsc => c.created_at,
                _ => c.updated_at,
            };
            encode_cursor(&(sort_name(p.sort), enum_to_db(&c.priority), t, c.id.clone()))
        })
    } else {
        None
    };
    let items = rows.iter().map(|c| store::summary(c, now)).collect();
    Ok(Json(Page { items, next_cursor }))
}

/// A case in full, with the actions the caller may take. Its `ETag` is its version.
#[utoipa::path(
    get,
    path = "/cases/{id}",
    tag = "cases",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The case", body = Case,
            headers(("ETag" = String, description = "The case's version, for If-Match"))),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
pub async fn get_case(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let conn = state.db.conn();
    let c = own_case(&conn, &user, &id)?;
    let case = store::full(&conn, &c, unix_now())?;
    Ok(case_response(StatusCode::OK, case))
}

/// `after` of the thread.
#[derive(Deserialize)]
pub struct ThreadQuery {
    after: Option<String>,
}

/// A case's thread (comments, status changes, attachments, requests) in order; with `after`,
/// only the entries after that `seq` (for polling).
#[utoipa::path(
    get,
    path = "/cases/{id}/thread",
    tag = "cases",
    security(("session_cookie" = [])),
    params(
        ("id" = String, Path, description = "Case id"),
        ("after" = Option<i64>, Query, description = "Only entries with a greater `seq`"),
    ),
    responses(
        (status = 200, description = "Thread entries by seq", body = Vec<ThreadEntry>),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
pub async fn get_thread(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
    ApiQuery(query): ApiQuery<ThreadQuery>,
) -> Result<Json<Vec<ThreadEntry>>, ApiError> {
    let after = match query.after.as_deref().filter(|a| !a.is_empty()) {
        None => 0,
        Some(a) => a.parse::<i64>().ok().filter(|a| *a >= 0).ok_or_else(|| {
            ApiError::validation(vec![field(
                "after",
                "invalid_value",
                "Use the seq of the last entry you have.",
            )])
        })?,
    };
    let conn = state.db.conn();
    let c = own_case(&conn, &user, &id)?;
    Ok(Json(store::thread(&conn, &c.id, after)?))
}

/// `NewComment` as received.
#[derive(Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    attachments: Vec<String>,
}

/// Reply on a case: plain text, with attachments uploaded beforehand. A reply to a case awaiting
/// the customer puts it back in progress. Not on closed cases.
#[utoipa::path(
    post,
    path = "/cases/{id}/comments",
    tag = "cases",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "Case id")),
    request_body = NewComment,
    responses(
        (status = 201, description = "The comment", body = ThreadEntry),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
pub async fn add_comment(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<CommentForm>,
) -> Result<Response, ApiError> {
    let now = unix_now();
    let mut conn = state.db.conn();
    let tx = conn.transaction()?;
    let c = own_case(&tx, &user, &id)?;
    if c.status == CaseStatus::Closed {
        return Err(transition_not_allowed(
            "The case is closed; reopen it to reply.",
        ));
    }
    let mut errors = Vec::new();
    let body = required_text(&mut errors, "body", form.body.as_deref(), TEXT_MAX);
    let attachments = attachments_of(&tx, &user, &form.attachments, &mut errors)?;
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    store::link_attachments(&tx, &c.id, &attachments)?;
    let me = person(&user);
    let entry = store::add_entry(
        &tx,
        &c.id,
        now,
        Some(&me),
        false,
        ThreadEvent::Comment { body, attachments },
    )?;
    store::touch(&tx, &c.id, now)?;
    if matches!(
        c.status,
        CaseStatus::AwaitingYourReply | CaseStatus::ResolutionProvided
    ) {
        store::set_status(&tx, &c, CaseStatus::InProgress, now, Some(&me), false)?;
    }
    tx.commit()?;
    Ok((StatusCode::CREATED, Json(entry)).into_response())
}

/// Close or reopen, after the checks both share.
fn change_status(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    headers: &HeaderMap,
    to: CaseStatus,
) -> Result<Response, ApiError> {
    let now = unix_now();
    let mut conn = state.db.conn();
    let tx = conn.transaction()?;
    let c = case_for_edit(&tx, user, id, headers)?;
    if to == CaseStatus::InProgress {
        if c.status != CaseStatus::Closed {
            return Err(transition_not_allowed(
                "Only a closed case can be reopened.",
            ));
        }
        if !c.closed_at.is_some_and(|at| may_reopen(at, now)) {
            return Err(ApiError::problem(
                types::REOPEN_WINDOW_PASSED,
                StatusCode::CONFLICT,
                "Too late to reopen",
                "Cases can be reopened within 14 days of closing; file a new case instead.",
            ));
        }
    }
    if !transition_allowed(Actor::Customer, c.status, to) {
        return Err(transition_not_allowed(
            "The case's status does not allow this.",
        ));
    }
    store::set_status(&tx, &c, to, now, Some(&person(user)), false)?;
    let c = own_case(&tx, user, id)?;
    let case = store::full(&tx, &c, now)?;
    tx.commit()?;
    Ok(case_response(StatusCode::OK, case))
}

/// Close a case (any open status). Send the case's ETag as `If-Match`.
#[utoipa::path(
    post,
    path = "/cases/{id}/close",
    tag = "cases",
    security(("session_cookie" = [])),
    params(
        ("id" = String, Path, description = "Case id"),
        ("If-Match" = String, Header, description = "The case's ETag"),
    ),
    responses(
        (status = 200, description = "Closed", body = Case,
            headers(("ETag" = String, description = "The new version"))),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 412, response = PreconditionFailed),
        (status = 428, response = PreconditionRequired),
    )
)]
pub async fn close_case(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    change_status(&state, &user, &id, &headers, CaseStatus::Closed)
}

/// Reopen a closed case within 14 days of closing; it goes back in progress. Send the case's
/// ETag as `If-Match`.
#[utoipa::path(
    post,
    path = "/cases/{id}/reopen",
    tag = "cases",
    security(("session_cookie" = [])),
    params(
        ("id" = String, Path, description = "Case id"),
        ("If-Match" = String, Header, description = "The case's ETag"),
    ),
    responses(
        (status = 200, description = "Reopened", body = Case,
            headers(("ETag" = String, description = "The new version"))),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 412, response = PreconditionFailed),
        (status = 428, response = PreconditionRequired),
    )
)]
pub async fn reopen_case(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    change_status(&state, &user, &id, &headers, CaseStatus::InProgress)
}

/// `UrgencyChange` as received.
#[derive(Deserialize)]
pub struct UrgencyForm {
    #[serde(default)]
    priority: Option<Priority>,
    #[serde(default)]
    reason: Option<String>,
}

/// Change a case's urgency, with a reason: at most once per 24 hours per case. The priority
/// changes at once; the first-response target set at filing stays as it was. Send the case's
/// ETag as `If-Match`.
#[utoipa::path(
    post,
    path = "/cases/{id}/urgency",
    tag = "cases",
    security(("session_cookie" = [])),
    params(
        ("id" = String, Path, description = "Case id"),
        ("If-Match" = String, Header, description = "The case's ETag"),
    ),
    request_body = UrgencyChange,
    responses(
        (status = 200, description = "Changed", body = Case,
            headers(("ETag" = String, description = "The new version"))),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 412, response = PreconditionFailed),
        (status = 428, response = PreconditionRequired),
        (status = 429, response = UrgencyChangeTooSoon),
    )
)]
pub async fn change_urgency(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(form): ApiJson<UrgencyForm>,
) -> Result<Response, ApiError> {
    let now = unix_now();
    let mut conn = state.db.conn();
    let tx = conn.transaction()?;
    let c = case_for_edit(&tx, &user, &id, &headers)?;
    if c.status == CaseStatus::Closed {
        return Err(transition_not_allowed(
            "The case is closed; reopen it first.",
        ));
    }
    let mut errors = Vec::new();
    let reason = required_text(&mut errors, "reason", form.reason.as_deref(), SHORT_MAX);
    let priority = form.priority.filter(|p| *p != Priority::Unknown);
    match priority {
        None => errors.push(field("priority", "required", "Choose a priority.")),
        Some(p) if p == c.priority => errors.push(field(
            "priority",
            "unchanged",
            "Choose a priority other than the current one.",
        )),
        Some(_) => {}
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    if let Some(last) = c.last_urgency_change_at {
        if now - last < URGENCY_CHANGE_INTERVAL {
            let mut e = ApiError::problem(
                types::URGENCY_CHANGE_TOO_SOON,
                StatusCode::TOO_MANY_REQUESTS,
                "Urgency changed recently",
                "The urgency of a case can change once every 24 hours.",
            );
            e.0.retry_after = Some((URGENCY_CHANGE_INTERVAL - (now - last)) as u64);
            return Err(e);
        }
    }
    let to = priority.unwrap_or(c.priority);
    tx.execute(
        "UPDATE cases SET priority = ?2, last_urgency_change_at = ?3 WHERE id = ?1",
        params![c.id, crate::model::enum_to_db(&to), now],
    )?;
    store::touch(&tx, &c.id, now)?;
    store::add_entry(
        &tx,
        &c.id,
        now,
        Some(&person(&user)),
        false,
        ThreadEvent::UrgencyChangeRequested {
            from: c.priority,
            to,
            reason: reason.trim().to_string(),
        },
    )?;
    let c = own_case(&tx, &user, &id)?;
    let case = store::full(&tx, &c, now)?;
    tx.commit()?;
    Ok(case_response(StatusCode::OK, case))
}

/// `CallRequest` as received.
#[derive(Deserialize)]
pub struct CallForm {
    #[serde(default)]
    phone: Option<String>,
    #[serde(default)]
    when: Option<CallTiming>,
}

/// Ask support to call: a P1 case gets an immediate call, P2 and P3 a call at a scheduled time
/// in the future; P4 cases have no calls (a field error on `when`).
#[utoipa::path(
    post,
    path = "/cases/{id}/call-requests",
    tag = "cases",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "Case id")),
    request_body = CallRequest,
    responses(
        (status = 201, description = "Recorded in the thread", body = ThreadEntry),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
pub async fn request_call(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<CallForm>,
) -> Result<Response, ApiError> {
    let now = unix_now();
    let mut conn = state.db.conn();
    let tx = conn.transaction()?;
    let c = own_case(&tx, &user, &id)?;
    if c.status == CaseStatus::Closed {
        return Err(transition_not_allowed(
            "The case is closed; reopen it first.",
        ));
    }
    let mut errors = Vec::new();
    let phone = form.phone.unwrap_or_default().trim().to_string();
    if phone.is_empty() {
        errors.push(field("phone", "required", "Enter the phone to call."));
    } else if !valid_phone(&phone) {
        errors.push(field(
            "phone",
            "invalid_phone",
            "Enter a phone number with its country code.",
        ));
    }
    let when = form.when;
    match (c.priority, &when) {
        (_, None) => errors.push(field("when", "required", "Say when to call.")),
        (Priority::P1, Some(CallTiming::Immediate)) => {}
        (Priority::P1, Some(_)) => errors.push(field(
            "when",
            "immediate_required",
            "Critical (P1) cases get an immediate call.",
        )),
        (Priority::P2 | Priority::P3, Some(CallTiming::Scheduled { at })) => {
            match OffsetDateTime::parse(at, &Rfc3339) {
                Ok(t) if t.unix_timestamp() > now => {}
                Ok(_) => errors.push(field(
                    "when.at",
                    "must_be_future",
                    "Choose a time in the future.",
                )),
                Err(_) => errors.push(field("when.at", "invalid_time", "Use an RFC 3339 time.")),
            }
        }
        (Priority::P2 | Priority::P3, Some(_)) => errors.push(field(
            "when",
            "scheduled_required",
            "Choose a time for the call.",
        )),
        (_, Some(_)) => errors.push(field(
            "when",
            "not_available",
            "Minor (P4) cases are handled in writing; raise the urgency to ask for a call.",
        )),
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let when = when.unwrap_or(CallTiming::Immediate);
    let entry = store::add_entry(
        &tx,
        &c.id,
        now,
        Some(&person(&user)),
        false,
        ThreadEvent::CallRequested { phone, when },
    )?;
    store::touch(&tx, &c.id, now)?;
    tx.commit()?;
    Ok((StatusCode::CREATED, Json(entry)).into_response())
}

/// The active people of the caller's organisation, for choosing watchers.
#[utoipa::path(
    get,
    path = "/organisation/members",
    tag = "cases",
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "Active members, by name", body = Vec<Person>),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
    )
)]
pub async fn organisation_members(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
) -> Result<Json<Vec<Person>>, ApiError> {
    let conn = state.db.conn();
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM users WHERE organisation_id = ?1 AND status = 'active' ORDER BY name, id",
    )?;
    let people = stmt
        .query_map([&user.organisation.id], |r| {
            Ok(Person {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Json(people))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_and_time_zones_are_checked_by_shape() {
        for ok in ["+44 20 7946 0000", "(555) 010-0199", "+1-800-555-0100"] {
            assert!(valid_phone(ok), "{ok}");
        }
        for bad in ["", "12345", "call me", "+44+20 7946 0000", "<script>"] {
            assert!(!valid_phone(bad), "{bad}");
        }
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

    #[test]
    fn list_parameters_repeat_or_comma_separate_and_refuse_garbage() {
        let pairs = |q: &[(&str, &str)]| -> Vec<(String, String)> {
            q.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let p = list_params(&pairs(&[
            ("status", "new,closed"),
            ("status", "in_progress"),
            ("priority", "p1"),
            ("scope", "organisation"),
        ]))
        .unwrap();
        assert_eq!(
            p.statuses,
            [CaseStatus::New, CaseStatus::Closed, CaseStatus::InProgress]
        );
        assert_eq!(p.scope, CaseScope::Organisation);
        for bad in [
            ("status", "open"),
            ("scope", "all"),
            ("limit", "0"),
            ("limit", "101"),
            ("from", "yesterday"),
            ("cursor", "xyz"),
            ("sort", "random"),
        ] {
            assert!(list_params(&pairs(&[bad])).is_err(), "{bad:?}");
        }
    }
}
