//! Support cases: the wire types of `/cases`, and the rules of the lifecycle that the backend
//! enforces and the app explains (transitions, the reopen window, response targets).

mod details;
mod query;

pub use details::Detail;
pub use query::CaseQuery;

use crate::{Plan, Product};
use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// How urgent a case is (PRODUCT.md's priority table).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// Critical: production down, or significant data loss or degradation.
    P1,
    /// Urgent: major degradation, potential data loss, major feature impacted.
    P2,
    /// Important: minor degradation, a workaround exists.
    P3,
    /// Minor: a question or an enhancement request.
    P4,
    #[default]
    #[serde(other)]
    Unknown,
}

impl Priority {
    pub const ALL: [Priority; 4] = [Priority::P1, Priority::P2, Priority::P3, Priority::P4];
}

/// Where a case stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    New,
    InProgress,
    /// Support asked the customer something.
    AwaitingYourReply,
    /// Support proposed a resolution; the customer confirms by closing, or replies.
    ResolutionProvided,
    Closed,
    #[default]
    #[serde(other)]
    Unknown,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 5] = [
        CaseStatus::New,
        CaseStatus::InProgress,
        CaseStatus::AwaitingYourReply,
        CaseStatus::ResolutionProvided,
        CaseStatus::Closed,
    ];
}

/// Who asks for a status change: the vendor's support engineer or the customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    Agent,
    Customer,
}

/// Days after closing during which the customer may reopen a case.
pub const REOPEN_WINDOW_DAYS: i64 = 14;

/// Whether `actor` may move a case from `from` to `to`. The lifecycle is
/// new -> in progress -> awaiting your reply / resolution provided -> closed: support moves it
/// along; the customer may close an open case, and reopen a closed one (within the window, see
/// [`may_reopen`]), which puts it back in progress. A customer's reply to a case awaiting them
/// also puts it back in progress (the backend does that itself).
pub fn transition_allowed(actor: Actor, from: CaseStatus, to: CaseStatus) -> bool {
    use CaseStatus::*;
    match actor {
        Actor::Customer => matches!(
            (from, to),
            (
                New | InProgress | AwaitingYourReply | ResolutionProvided,
                Closed
            ) | (Closed, InProgress)
                | (AwaitingYourReply | ResolutionProvided, InProgress)
        ),
        Actor::Agent => matches!(
            (from, to),
            (New, InProgress)
                | (InProgress, AwaitingYourReply | ResolutionProvided | Closed)
                | (AwaitingYourReply | ResolutionProvided, InProgress | Closed)
                | (AwaitingYourReply, ResolutionProvided)
                | (ResolutionProvided, AwaitingYourReply)
        ),
    }
}

/// Whether a case closed at `closed_at` may be reopened at `now` (Unix seconds).
pub fn may_reopen(closed_at: i64, now: i64) -> bool {
    now >= closed_at && now - closed_at <= REOPEN_WINDOW_DAYS * 86_400
}

/// The first-response target, in minutes, for a priority under a plan (PRODUCT.md): P4 is one
/// business day on every plan, counted here as 24 hours.
pub fn response_target_minutes(priority: Priority, plan: Plan) -> i64 {
    let premium = plan == Plan::Premium;
    match priority {
        Priority::P1 => {
            if premium {
                15
            } else {
                60
            }
        }
        Priority::P2 => {
            if premium {
                30
            } else {
                120
            }
        }
        Priority::P3 => {
            if premium {
                60
            } else {
                240
            }
        }
        Priority::P4 | Priority::Unknown => 24 * 60,
    }
}

/// Whether a priority's clock runs around the clock (P1) or only in the business hours of the
/// organisation's region (the others; see `PortalConfig::business_hours`).
pub fn around_the_clock(priority: Priority) -> bool {
    priority == Priority::P1
}

/// Longest case title, in characters.
pub const TITLE_MAX: usize = 200;
/// Longest description or comment, in characters.
pub const TEXT_MAX: usize = 20_000;
/// Longest short free text: steps to reproduce, environment, business impact, reasons.
pub const SHORT_MAX: usize = 5_000;
/// Longest product detail (an id, a name or a link).
pub const DETAIL_MAX: usize = 2_000;
/// Most watchers of a new case (each counted once, the filer aside).
pub const WATCHERS_MAX: usize = 50;

/// Whether `value` is a web address a case may carry as a product detail: `http` or `https`
/// with a host, no spaces. Anything else (`javascript:`, `file:`, a bare word) is refused, so
/// a link shown on a case page can only lead to a web page.
pub fn is_web_url(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !value.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// Whether a case needs a business-impact statement to be filed.
pub fn requires_business_impact(priority: Priority) -> bool {
    priority == Priority::P1
}

/// Someone named on a case: requester, watcher, author.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Person {
    pub id: String,
    pub name: String,
}

/// Product-specific details; which fields apply depends on the case's product.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ProductDetails {
    /// Analytics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_suite_id: Option<String>,
    /// Analytics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_url: Option<String>,
    /// Target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity_name: Option<String>,
    /// Target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_url: Option<String>,
    /// Audience Manager.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_source_id: Option<String>,
    /// Audience Manager.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_id: Option<String>,
}

/// `POST /cases` body. Sent with an `Idempotency-Key` header: the same key returns the same case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewCase {
    pub product: Product,
    pub priority: Priority,
    pub title: String,
    pub description: String,
    #[serde(default)]
    pub details: ProductDetails,
    #[serde(default)]
    pub reproducible: bool,
    #[serde(default)]
    pub steps_to_reproduce: Option<String>,
    #[serde(default)]
    pub environment: Option<String>,
    /// Required for P1.
    #[serde(default)]
    pub business_impact: Option<String>,
    pub contact_phone: String,
    /// IANA time zone of the contact.
    pub time_zone: String,
    /// User ids of organisation members to keep informed: at most 50 (`WATCHERS_MAX`), each
    /// counted once, the filer aside.
    #[serde(default)]
    pub watchers: Vec<String>,
    /// Ids of attachments uploaded beforehand (`POST /attachments`), at most 20.
    #[serde(default)]
    pub attachments: Vec<String>,
}

/// The first-response target of a case and whether support met it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ResponseTarget {
    /// The target from priority and plan, in minutes: around the clock for P1, in the
    /// region's business hours for the others (P4: one business day, shown as 1440).
    pub minutes: i64,
    /// When the first response is due (RFC 3339), counted on the region's business hours.
    pub due_at: String,
    /// When support first responded, if it has (RFC 3339).
    pub responded_at: Option<String>,
    /// `Some(true)` met, `Some(false)` missed (late or overdue), `None` still running.
    pub met: Option<bool>,
}

/// A case in a list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct CaseSummary {
    pub id: String,
    /// Human-readable number, for example `C-001042`.
    pub number: String,
    pub title: String,
    pub product: Product,
    pub priority: Priority,
    pub status: CaseStatus,
    pub requester: Person,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339.
    pub updated_at: String,
    pub response: ResponseTarget,
}

/// `GET /cases/similar`: an open case of the organisation that looks like the one being written,
/// so the user can follow it instead of filing the same problem twice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SimilarCase {
    #[serde(flatten)]
    pub summary: CaseSummary,
    /// Whether the caller filed or already watches it.
    pub following: bool,
}

/// Longest text `GET /cases/similar` looks through, in characters (a title and the start of a
/// description).
pub const SIMILAR_TEXT_MAX: usize = 2_000;

/// Something the current user may do to a case now; the app offers exactly these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseAction {
    Reply,
    Close,
    Reopen,
    RequestUrgencyChange,
    RequestCall,
    #[serde(other)]
    Unknown,
}

/// A case in full. Its `version` is also its `ETag`; edits send it back as `If-Match`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Case {
    #[serde(flatten)]
    pub summary: CaseSummary,
    pub description: String,
    pub details: ProductDetails,
    pub reproducible: bool,
    pub steps_to_reproduce: Option<String>,
    pub environment: Option<String>,
    pub business_impact: Option<String>,
    pub contact_phone: String,
    pub time_zone: String,
    pub watchers: Vec<Person>,
    /// The vendor's engineer working the case.
    pub engineer: Option<String>,
    /// RFC 3339, when closed.
    pub closed_at: Option<String>,
    /// RFC 3339: the last moment the case can be reopened, when closed.
    pub reopen_until: Option<String>,
    pub allowed_actions: Vec<CaseAction>,
    pub version: i64,
}

/// A file attached to a case or a comment. Its name is data, never a path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Attachment {
    pub id: String,
    pub name: String,
    pub size: u64,
    pub content_type: String,
    /// RFC 3339.
    pub uploaded_at: String,
}

/// What a thread entry records.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ThreadEvent {
    /// The case was filed, at the priority it was filed with: the first entry of every thread.
    CaseFiled {
        priority: Priority,
    },
    /// A comment: plain text, shown as text, never as HTML.
    Comment {
        body: String,
        attachments: Vec<Attachment>,
    },
    StatusChanged {
        from: CaseStatus,
        to: CaseStatus,
    },
    /// Files added to the case outside a comment (for example at filing).
    AttachmentsAdded {
        attachments: Vec<Attachment>,
    },
    UrgencyChangeRequested {
        from: Priority,
        to: Priority,
        reason: String,
    },
    CallRequested {
        phone: String,
        when: CallTiming,
    },
    EngineerAssigned {
        engineer: String,
    },
    #[serde(other)]
    Unknown,
}

/// One entry of a case's thread, in order of `seq`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ThreadEntry {
    pub id: String,
    /// Position in the case's thread; `GET /cases/{id}/thread?after=` resumes from it.
    pub seq: i64,
    /// RFC 3339.
    pub at: String,
    /// `None` for entries the system made.
    pub author: Option<Person>,
    /// True when the vendor's support wrote it.
    pub from_support: bool,
    #[serde(flatten)]
    pub event: ThreadEvent,
}

/// `POST /cases/{id}/comments` body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewComment {
    pub body: String,
    #[serde(default)]
    pub attachments: Vec<String>,
}

/// `POST /cases/{id}/urgency` body: at most once per 24 hours per case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct UrgencyChange {
    pub priority: Priority,
    pub reason: String,
}

/// When support should call: P1 at once, P2 and P3 at a scheduled time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum CallTiming {
    Immediate,
    /// RFC 3339.
    Scheduled {
        at: String,
    },
}

/// `POST /cases/{id}/call-requests` body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct CallRequest {
    pub phone: String,
    pub when: CallTiming,
}

/// Whose cases a list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseScope {
    /// Cases the user filed or watches.
    #[default]
    Mine,
    Organisation,
}

/// List order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseSort {
    #[default]
    UpdatedDesc,
    CreatedDesc,
    CreatedAsc,
    PriorityAsc,
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseStatus::*;

    #[test]
    fn support_moves_a_new_case_along_the_lifecycle() {
        for (from, to) in [
            (New, InProgress),
            (InProgress, AwaitingYourReply),
            (InProgress, ResolutionProvided),
            (ResolutionProvided, Closed),
        ] {
            assert!(
                transition_allowed(Actor::Agent, from, to),
                "{from:?} -> {to:?}"
            );
        }
    }

    #[test]
    fn no_one_skips_back_to_new_or_reopens_without_the_customer() {
        for from in CaseStatus::ALL {
            assert!(!transition_allowed(Actor::Agent, from, New));
            assert!(!transition_allowed(Actor::Customer, from, New));
        }
        assert!(!transition_allowed(Actor::Agent, Closed, InProgress));
        assert!(!transition_allowed(Actor::Agent, New, Closed));
    }

    #[test]
    fn the_customer_closes_any_open_case_and_reopens_a_closed_one() {
        for from in [New, InProgress, AwaitingYourReply, ResolutionProvided] {
            assert!(
                transition_allowed(Actor::Customer, from, Closed),
                "{from:?}"
            );
        }
        assert!(transition_allowed(Actor::Customer, Closed, InProgress));
        assert!(!transition_allowed(Actor::Customer, Closed, Closed));
        assert!(!transition_allowed(
            Actor::Customer,
            New,
            ResolutionProvided
        ));
    }

    #[test]
    fn a_case_reopens_within_fourteen_days_of_closing_and_not_after() {
        let closed = 1_000_000;
        assert!(may_reopen(closed, closed));
        assert!(may_reopen(closed, closed + 14 * 86_400));
        assert!(!may_reopen(closed, closed + 14 * 86_400 + 1));
        assert!(!may_reopen(closed, closed - 1));
    }

    #[test]
    fn response_targets_follow_the_published_table() {
        let table = [
            (Priority::P1, 60, 15),
            (Priority::P2, 120, 30),
            (Priority::P3, 240, 60),
            (Priority::P4, 1440, 1440),
        ];
        for (priority, standard, premium) in table {
            assert_eq!(
                response_target_minutes(priority, Plan::Standard),
                standard,
                "{priority:?}"
            );
            assert_eq!(
                response_target_minutes(priority, Plan::Premium),
                premium,
                "{priority:?}"
            );
        }
    }

    #[test]
    fn only_critical_cases_run_around_the_clock_and_need_an_impact_statement() {
        assert!(around_the_clock(Priority::P1));
        assert!(!around_the_clock(Priority::P2));
        assert!(requires_business_impact(Priority::P1));
        assert!(!requires_business_impact(Priority::P2));
    }

    #[test]
    fn only_web_addresses_are_links_a_case_may_carry() {
        assert!(is_web_url("https://analytics.example.com/workspace/123"));
        assert!(is_web_url("http://shop.example/sale?x=1"));
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "example.com",
            "https://exa mple.com",
            "data:text/html,hi",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }
}
