//! Every error the API returns, as RFC 9457 problem details (`application/problem+json`).

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use support_contract::{problem_types as types, FieldCode, FieldError, Problem};

use crate::store::StoreError;

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error on its way to becoming a problem response.
#[derive(Debug)]
/// Boxed: handlers return `Result<_, ApiError>` everywhere, and the problem is large.
pub struct ApiError(pub Box<Problem>);

impl ApiError {
    fn new(type_: &str, status: StatusCode, title: &str, detail: Option<String>) -> Self {
        ApiError(Box::new(Problem {
            type_: type_.into(),
            title: title.into(),
            status: status.as_u16(),
            detail,
            errors: Vec::new(),
            retry_after: None,
            resource_id: None,
        }))
    }

    /// 401: no valid session.
    pub fn unauthenticated() -> Self {
        Self::new(
            types::UNAUTHENTICATED,
            StatusCode::UNAUTHORIZED,
            "Not signed in",
            Some("Sign in to continue; the session may have expired.".into()),
        )
    }

    /// 401: the email or password is wrong (deliberately not saying which).
    pub fn invalid_credentials() -> Self {
        Self::new(
            types::INVALID_CREDENTIALS,
            StatusCode::UNAUTHORIZED,
            "Invalid email or password",
            None,
        )
    }

    /// 429: too many failed sign-ins; try again after `retry_after` seconds.
    pub fn too_many_attempts(retry_after: u64) -> Self {
        let mut e = Self::new(
            types::TOO_MANY_ATTEMPTS,
            StatusCode::TOO_MANY_REQUESTS,
            "Too many attempts",
            Some(
                "Too many failed sign-ins for this account or from this address; wait before \
                 trying again."
                    .into(),
            ),
        );
        e.0.retry_after = Some(retry_after);
        e
    }

    /// 401: a hand-off token that is unknown, was already used or has expired (deliberately not
    /// saying which).
    pub fn invalid_handoff() -> Self {
        Self::problem(
            types::INVALID_HANDOFF,
            StatusCode::UNAUTHORIZED,
            "Hand-off refused",
            "The hand-off token is unknown, was already used, or has expired.",
        )
    }

    /// 429: too many hand-off tokens wait to be used; one expires in `retry_after` seconds.
    pub fn too_many_handoffs(retry_after: u64) -> Self {
        let mut e = Self::problem(
            types::TOO_MANY_ATTEMPTS,
            StatusCode::TOO_MANY_REQUESTS,
            "Too many hand-offs",
            "Too many hand-off tokens are waiting to be used; wait before minting another.",
        );
        e.0.retry_after = Some(retry_after);
        e
    }

    /// 403: signed in, but the role does not grant this.
    pub fn forbidden() -> Self {
        Self::new(
            types::FORBIDDEN,
            StatusCode::FORBIDDEN,
            "Not allowed",
            Some("Your support role does not allow this.".into()),
        )
    }

    /// 403: a state-changing request from a foreign origin (CSRF defence).
    pub fn cross_origin() -> Self {
        Self::new(
            types::CROSS_ORIGIN,
            StatusCode::FORBIDDEN,
            "Cross-origin request refused",
            Some("State-changing requests are accepted only from the portal's own origin.".into()),
        )
    }

    /// 404: no such API resource.
    pub fn not_found() -> Self {
        Self::new(types::NOT_FOUND, StatusCode::NOT_FOUND, "Not found", None)
    }

    /// 405: the path exists, the method does not. `about:blank` because the contract defines no
    /// type for it: the status says everything (RFC 9457, section 4.2.1).
    pub fn method_not_allowed() -> Self {
        Self::new(
            "about:blank",
            StatusCode::METHOD_NOT_ALLOWED,
            "Method Not Allowed",
            None,
        )
    }

    /// 400: invalid fields, each with a stable code.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let mut e = Self::new(
            types::VALIDATION,
            StatusCode::BAD_REQUEST,
            "Invalid request",
            Some("Some fields are missing or invalid.".into()),
        );
        e.0.errors = errors;
        e
    }

    /// A request body or query that could not be read at all.
    pub fn malformed(status: StatusCode, detail: String) -> Self {
        Self::new(types::VALIDATION, status, "Invalid request", Some(detail))
    }

    /// Any problem type of the contract, for the errors specific to one resource.
    pub fn problem(type_: &str, status: StatusCode, title: &str, detail: &str) -> Self {
        Self::new(type_, status, title, Some(detail.into()))
    }

    /// 409: the request conflicts with the resource's state.
    pub fn conflict(detail: &str) -> Self {
        Self::problem(types::CONFLICT, StatusCode::CONFLICT, "Conflict", detail)
    }

    /// 409: the `Idempotency-Key` already filed case `case_id` with a different request.
    pub fn idempotency_key_reused(case_id: &str) -> Self {
        let mut e = Self::problem(
            types::IDEMPOTENCY_KEY_REUSED,
            StatusCode::CONFLICT,
            "Already filed",
            "This Idempotency-Key already filed a different case; resource_id names it.",
        );
        e.0.resource_id = Some(case_id.to_string());
        e
    }

    /// 409: the email belongs to a current support user of the organisation.
    pub fn duplicate_user() -> Self {
        Self::problem(
            types::DUPLICATE_USER,
            StatusCode::CONFLICT,
            "This user already exists",
            "A user with this email already exists.",
        )
    }

    /// 412: `If-Match` names a version that is no longer current.
    pub fn precondition_failed() -> Self {
        Self::problem(
            types::PRECONDITION_FAILED,
            StatusCode::PRECONDITION_FAILED,
            "Changed meanwhile",
            "Someone changed this since you loaded it; reload and try again.",
        )
    }

    /// 428: an edit without `If-Match`.
    pub fn precondition_required() -> Self {
        Self::problem(
            types::PRECONDITION_FAILED,
            StatusCode::PRECONDITION_REQUIRED,
            "If-Match required",
            "Send the version you edit as `If-Match: \"<version>\"` (its ETag).",
        )
    }

    /// 500: something broke on our side; the details go to the log, not to the client.
    pub fn server() -> Self {
        Self::new(
            types::SERVER,
            StatusCode::INTERNAL_SERVER_ERROR,
            "Server error",
            None,
        )
    }
}

/// `Ok` when no field is wrong, otherwise the validation problem naming every bad field.
pub fn valid(errors: Vec<FieldError>) -> Result<(), ApiError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

/// One field error.
pub fn field(field: &str, code: FieldCode, message: &str) -> FieldError {
    FieldError::new(field, code, message)
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self.0).unwrap_or_default();
        let mut res = (status, body).into_response();
        let headers = res.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(secs) = self.0.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        crate::log_line!("database error: {e}");
        ApiError::server()
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ApiError::not_found(),
            StoreError::Db(e) => e.into(),
        }
    }
}

/// The detail of a JSON body that does not parse, or does not fit the call's type.
pub const UNREADABLE_JSON: &str = "The request body is not valid JSON for this call.";

/// The detail of a body without `Content-Type: application/json`.
pub const NOT_JSON: &str = "Send the request body as JSON (Content-Type: application/json).";

impl From<JsonRejection> for ApiError {
    /// A fixed sentence per kind of failure: the parser's own message (line, column, the type it
    /// expected, pieces of the payload) tells a prober about the server's types and a user
    /// nothing they can act on. Fields that parse but are wrong get field errors instead.
    fn from(r: JsonRejection) -> Self {
        let (status, detail) = match &r {
            JsonRejection::MissingJsonContentType(_) => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, NOT_JSON)
            }
            // Bodies that are JSON but of the wrong shape are still plain client errors.
            JsonRejection::JsonDataError(_) | JsonRejection::JsonSyntaxError(_) => {
                (StatusCode::BAD_REQUEST, UNREADABLE_JSON)
            }
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "The request body is too large.",
            ),
            other => (other.status(), "The request body could not be read."),
        };
        ApiError::malformed(status, detail.into())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(r: QueryRejection) -> Self {
        ApiError::malformed(StatusCode::BAD_REQUEST, r.body_text())
    }
}

/// Answers a known API path called with a method it does not have.
pub async fn api_method_not_allowed() -> ApiError {
    ApiError::method_not_allowed()
}
