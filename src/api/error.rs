//! The one error type of the API layer, and how it reads in the user's language.

use crate::i18n::{fill, text, Key, Locale};
use support_contract::{problem_types, FieldCode, FieldError, Problem};

/// The wait after a 429 or 503 that said none.
pub const BUSY_WAIT_SECS: u64 = 5;

/// Everything that can go wrong talking to the backend.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No valid session (signed out, expired, or ended elsewhere).
    Unauthorized,
    /// Sign-in refused: wrong email or password.
    InvalidCredentials,
    /// Sign-in throttled after repeated failures.
    TooManyAttempts {
        retry_after_secs: u64,
    },
    /// The user's role does not allow this.
    Forbidden,
    NotFound,
    /// The request was refused field by field.
    Validation(Vec<FieldError>),
    /// Changed meanwhile (409 or 412).
    Conflict,
    /// The portal's rollout phase does not take cases yet.
    FilingClosed,
    /// The case's state does not allow this now (status, reopen window, once-a-day limits).
    NotAllowedNow,
    /// A user with this email already exists.
    DuplicateUser,
    /// The change would leave no active Support System Administrator.
    LastSystemAdmin,
    /// Nobody removes themselves.
    SelfRemoval,
    /// The invitation link was used, has expired or never existed.
    InvitationInvalid,
    /// The import file is over the size or row limit.
    ImportTooLarge,
    /// An uploaded file is over the backend's size limit.
    AttachmentTooLarge,
    /// An uploaded file's type is not on the backend's allow-list.
    AttachmentType,
    /// The backend or a proxy before it is overloaded or down for a while (429, 503): try again
    /// after `retry_after_secs` (its `Retry-After`), which the app waits out before any call.
    Busy {
        retry_after_secs: u64,
    },
    /// The user holds the most uploads not attached to anything yet.
    UploadQuota,
    /// The draft's idempotency key already filed this case, from an earlier version of the draft
    /// (its answer was lost, then the draft changed).
    AlreadyFiled {
        case_id: String,
    },
    /// The backend could not be reached.
    Network,
    /// The backend answered something this app does not understand.
    Decode,
    /// Any other failure on the backend's side.
    Server {
        status: u16,
    },
}

impl ApiError {
    /// Maps a non-success response to an error, by problem type first, then by status.
    pub fn from_response(status: u16, problem: Option<Problem>) -> ApiError {
        let kind = problem.as_ref().map(|p| p.type_.as_str()).unwrap_or("");
        match (kind, status) {
            (problem_types::INVALID_CREDENTIALS, _) => ApiError::InvalidCredentials,
            (problem_types::CASE_FILING_CLOSED, _) => ApiError::FilingClosed,
            (problem_types::DUPLICATE_USER, _) => ApiError::DuplicateUser,
            (problem_types::LAST_SYSTEM_ADMIN, _) => ApiError::LastSystemAdmin,
            (problem_types::SELF_REMOVAL, _) => ApiError::SelfRemoval,
            (problem_types::INVITATION_INVALID, _) | (_, 410) => ApiError::InvitationInvalid,
            (problem_types::IMPORT_TOO_LARGE, _) => ApiError::ImportTooLarge,
            (problem_types::ATTACHMENT_TOO_LARGE, _) | (_, 413) => ApiError::AttachmentTooLarge,
            (problem_types::ATTACHMENT_TYPE_NOT_ALLOWED, _) | (_, 415) => ApiError::AttachmentType,
            (problem_types::UPLOAD_QUOTA_EXCEEDED, _) => ApiError::UploadQuota,
            (problem_types::IDEMPOTENCY_KEY_REUSED, _) => {
                match problem.as_ref().and_then(|p| p.resource_id.clone()) {
                    Some(case_id) => ApiError::AlreadyFiled { case_id },
                    None => ApiError::Conflict,
                }
            }
            (
                problem_types::TRANSITION_NOT_ALLOWED
                | problem_types::REOPEN_WINDOW_PASSED
                | problem_types::URGENCY_CHANGE_TOO_SOON,
                _,
            ) => ApiError::NotAllowedNow,
            (problem_types::TOO_MANY_ATTEMPTS, _) => ApiError::TooManyAttempts {
                retry_after_secs: problem.and_then(|p| p.retry_after).unwrap_or(60),
            },
            (_, 429 | 503) => ApiError::Busy {
                retry_after_secs: problem
                    .and_then(|p| p.retry_after)
                    .unwrap_or(BUSY_WAIT_SECS),
            },
            (problem_types::VALIDATION, _) | (_, 400 | 422) => {
                ApiError::Validation(problem.map(|p| p.errors).unwrap_or_default())
            }
            (_, 401) => ApiError::Unauthorized,
            (_, 403) => ApiError::Forbidden,
            (_, 404) => ApiError::NotFound,
            (_, 409 | 412) => ApiError::Conflict,
            (_, status) => ApiError::Server { status },
        }
    }

    /// A sentence for the user, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let key = match self {
            ApiError::Unauthorized => Key::ErrUnauthenticated,
            ApiError::InvalidCredentials => Key::ErrInvalidCredentials,
            ApiError::TooManyAttempts { retry_after_secs } => {
                let minutes = retry_after_secs.div_ceil(60).max(1).to_string();
                return fill(
                    text(Key::ErrTooManyAttempts, locale),
                    &[("minutes", &minutes)],
                );
            }
            ApiError::Busy { retry_after_secs } => {
                let seconds = retry_after_secs.max(&1).to_string();
                return fill(text(Key::ErrBusy, locale), &[("seconds", &seconds)]);
            }
            ApiError::Forbidden => Key::ErrForbidden,
            ApiError::NotFound => Key::ErrNotFound,
            ApiError::Validation(_) => Key::ErrValidation,
            ApiError::Conflict => Key::ErrConflict,
            ApiError::FilingClosed => Key::FilingClosed,
            ApiError::NotAllowedNow => Key::ErrNotAllowedNow,
            ApiError::DuplicateUser => Key::ErrDuplicateUser,
            ApiError::LastSystemAdmin => Key::ErrLastSystemAdmin,
            ApiError::SelfRemoval => Key::ErrSelfRemoval,
            ApiError::InvitationInvalid => Key::ErrInvitationInvalid,
            ApiError::ImportTooLarge => Key::ErrImportTooLarge,
            ApiError::AttachmentTooLarge => Key::ErrAttachmentTooLarge,
            ApiError::AttachmentType => Key::ErrAttachmentType,
            ApiError::UploadQuota => Key::ErrUploadQuota,
            ApiError::AlreadyFiled { .. } => Key::ErrAlreadyFiled,
            ApiError::Network => Key::ErrNetwork,
            ApiError::Decode => Key::ErrDecode,
            ApiError::Server { .. } => Key::ErrServer,
        };
        text(key, locale).to_string()
    }

    /// The fields the backend refused, if it refused the request field by field.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            ApiError::Validation(errors) => errors,
            _ => &[],
        }
    }

    /// The message for `field`'s error, if the backend refused that field.
    pub fn field_message(&self, field: &str, locale: Locale) -> Option<String> {
        field_error(field, None, self.field_errors(), locale)
    }
}

/// The translation of a backend field-error code; codes without a sentence of their own (and
/// codes from a newer backend) get a generic one.
pub fn field_error_key(code: FieldCode) -> Key {
    match code {
        FieldCode::Required => Key::ErrRequired,
        FieldCode::InvalidEmail => Key::ErrInvalidEmail,
        FieldCode::InvalidTimeZone => Key::ErrInvalidTimeZone,
        FieldCode::TooLong => Key::ErrTooLong,
        FieldCode::InvalidPhone => Key::ErrInvalidPhone,
        FieldCode::TooShort => Key::ErrPasswordTooShort,
        FieldCode::SameAsEmail => Key::ErrPasswordIsEmail,
        FieldCode::UnknownRole => Key::ErrUnknownRole,
        FieldCode::UnknownUser => Key::ErrUnknownUser,
        FieldCode::InvalidHeader => Key::ErrCsvHeader,
        FieldCode::NotUtf8 => Key::ErrCsvEncoding,
        FieldCode::InvalidUrl => Key::ErrInvalidUrl,
        FieldCode::NotAMember => Key::ErrNotAMember,
        FieldCode::UnknownAttachment => Key::ErrUnknownAttachment,
        FieldCode::TooMany => Key::ErrTooMany,
        _ => Key::ErrInvalidValue,
    }
}

/// The message to show beside `field`: the form's own check first (`local`, once the user tried
/// to send), else the backend's refusal of that field in `refused` (`ApiError::field_errors`).
/// Every form reports field problems through this, in the user's language.
pub fn field_error(
    field: &str,
    local: Option<FieldCode>,
    refused: &[FieldError],
    locale: Locale,
) -> Option<String> {
    local
        .or_else(|| refused.iter().find(|e| e.field == field).map(|e| e.code))
        .map(|code| text(field_error_key(code), locale).to_string())
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(type_: &str, status: u16) -> Option<Problem> {
        Some(Problem {
            type_: type_.into(),
            title: "t".into(),
            status,
            detail: None,
            errors: vec![FieldError {
                field: "email".into(),
                code: FieldCode::Required,
                message: "m".into(),
            }],
            retry_after: Some(125),
            resource_id: None,
        })
    }

    #[test]
    fn a_wrong_password_is_told_apart_from_an_expired_session() {
        assert_eq!(
            ApiError::from_response(401, problem(problem_types::INVALID_CREDENTIALS, 401)),
            ApiError::InvalidCredentials
        );
        assert_eq!(
            ApiError::from_response(401, problem(problem_types::UNAUTHENTICATED, 401)),
            ApiError::Unauthorized
        );
        assert_eq!(ApiError::from_response(401, None), ApiError::Unauthorized);
    }

    #[test]
    fn throttling_tells_the_user_how_many_minutes_to_wait() {
        let e = ApiError::from_response(429, problem(problem_types::TOO_MANY_ATTEMPTS, 429));
        assert_eq!(
            e,
            ApiError::TooManyAttempts {
                retry_after_secs: 125
            }
        );
        assert!(
            e.message(Locale::En).contains("3 min"),
            "{}",
            e.message(Locale::En)
        );
        assert!(e.message(Locale::Fr).contains("3 min"));
    }

    #[test]
    fn field_errors_are_shown_in_the_users_language() {
        let e = ApiError::from_response(400, problem(problem_types::VALIDATION, 400));
        assert_eq!(
            e.field_message("email", Locale::Es).as_deref(),
            Some("Este campo es obligatorio.")
        );
        assert_eq!(e.field_message("password", Locale::Es), None);
    }

    #[test]
    fn a_form_shows_its_own_check_first_then_the_backends_refusal_of_that_field() {
        let refused = [FieldError::new("phone", FieldCode::InvalidPhone, "m")];
        let shown = |field, local| field_error(field, local, &refused, Locale::Fr);
        assert_eq!(
            shown("phone", Some(FieldCode::Required)),
            shown("topic", Some(FieldCode::Required))
        );
        assert_ne!(
            shown("phone", None),
            shown("phone", Some(FieldCode::Required))
        );
        assert!(shown("phone", None).is_some());
        assert_eq!(shown("topic", None), None);
        let newer = [FieldError::new("topic", FieldCode::Unknown, "m")];
        assert_eq!(
            field_error("topic", None, &newer, Locale::Es).as_deref(),
            Some(text(Key::ErrInvalidValue, Locale::Es))
        );
    }

    #[test]
    fn a_closed_filing_phase_is_explained_not_blamed_on_the_role() {
        let e = ApiError::from_response(403, problem(problem_types::CASE_FILING_CLOSED, 403));
        assert_eq!(e, ApiError::FilingClosed);
        assert!(e
            .message(Locale::En)
            .starts_with("Cases cannot be filed yet"));
    }

    #[test]
    fn a_draft_filed_before_its_last_change_names_the_case_it_filed() {
        let mut p = problem(problem_types::IDEMPOTENCY_KEY_REUSED, 409);
        p.as_mut().unwrap().resource_id = Some("case_1".into());
        assert_eq!(
            ApiError::from_response(409, p),
            ApiError::AlreadyFiled {
                case_id: "case_1".into()
            }
        );
    }

    #[test]
    fn a_refused_upload_says_why_and_is_not_taken_for_an_import() {
        let big = ApiError::from_response(413, problem(problem_types::ATTACHMENT_TOO_LARGE, 413));
        assert_eq!(big, ApiError::AttachmentTooLarge);
        assert_eq!(
            ApiError::from_response(413, problem(problem_types::IMPORT_TOO_LARGE, 413)),
            ApiError::ImportTooLarge
        );
        assert_eq!(
            ApiError::from_response(
                415,
                problem(problem_types::ATTACHMENT_TYPE_NOT_ALLOWED, 415)
            ),
            ApiError::AttachmentType
        );
        assert_ne!(
            big.message(Locale::Fr),
            ApiError::ImportTooLarge.message(Locale::Fr)
        );
        // A 429, but not a sign-in throttle.
        let held = problem(problem_types::UPLOAD_QUOTA_EXCEEDED, 429);
        assert_eq!(ApiError::from_response(429, held), ApiError::UploadQuota);
        assert!(ApiError::UploadQuota
            .message(Locale::Es)
            .contains("adjuntado"));
    }

    #[test]
    fn statuses_without_a_known_problem_type_still_map() {
        assert_eq!(ApiError::from_response(403, None), ApiError::Forbidden);
        assert_eq!(ApiError::from_response(412, None), ApiError::Conflict);
        assert_eq!(
            ApiError::from_response(500, None),
            ApiError::Server { status: 500 }
        );
    }

    #[test]
    fn a_busy_server_or_proxy_says_how_long_to_wait_not_that_a_password_was_wrong() {
        let busy = ApiError::from_response(503, None);
        assert_eq!(
            busy,
            ApiError::Busy {
                retry_after_secs: BUSY_WAIT_SECS
            }
        );
        let throttled = ApiError::from_response(429, problem("about:blank", 429));
        assert_eq!(
            throttled,
            ApiError::Busy {
                retry_after_secs: 125
            }
        );
        assert!(
            busy.message(Locale::Fr).contains("5 s"),
            "{}",
            busy.message(Locale::Fr)
        );
        assert!(!throttled.message(Locale::En).contains("attempts"));
    }
}
