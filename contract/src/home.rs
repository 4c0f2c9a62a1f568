//! The home page: everything its first screen shows in one answer (`GET /home`: what needs
//! the signed-in user, the vendor's announcements, their learning progress and the popular
//! forum threads, instead of one request per block), and the announcements alone
//! (`GET /announcements`).

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::cases::CaseSummary;
use crate::chat::ChatStatus;
use crate::help::ForumThread;
use crate::learning::LearningGlance;
use crate::users::SupportUserCounts;
use crate::{Locale, Phase, PhoneNumber, SupportContact};

/// How many cases the home page lists under "awaiting your reply".
pub const HOME_CASES: usize = 5;
/// How many popular forum threads the home page lists.
pub const HOME_THREADS: usize = 5;

/// `GET /home`: the home page's first screen. What needs the signed-in user is `None` where
/// their role does not grant it (a member gets `None` for each, and instead whom to ask for
/// support access); the rollout phase, the support numbers, the announcements, the learning
/// progress and the popular threads are everyone's, in the language asked for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct HomeSummary {
    /// The rollout phase, as `GET /portal` says it: the home page's banner names it.
    #[serde(default)]
    pub phase: Phase,
    /// The support phone numbers, as `GET /portal` lists them: the banner of the setup phase
    /// offers those of the user's region.
    #[serde(default)]
    pub phone_numbers: Vec<PhoneNumber>,
    /// The user's own cases (filed or watched); with `manage_cases`.
    pub cases: Option<CasesNeedingYou>,
    /// The user's queued or active chat; `None` without `chat` or without an open chat.
    pub open_chat: Option<HomeChat>,
    /// The user's callback requests that support has not called back yet; with
    /// `manage_cases`.
    pub callbacks_waiting: Option<u32>,
    /// The organisation's support users (`GET /support-users/counts`); with `manage_users`.
    pub support_users: Option<SupportUserCounts>,
    /// Whom to ask for support access: the organisation's support administrators, as
    /// `GET /support-contacts` answers them; only for a user without `manage_cases`.
    #[serde(default)]
    pub support_admins: Option<Vec<SupportContact>>,
    /// The vendor's current announcements, as `GET /announcements` answers them.
    #[serde(default)]
    pub announcements: Vec<Announcement>,
    /// The user's progress through the learning material meant for them (`GET /learning`).
    #[serde(default)]
    pub learning: LearningGlance,
    /// The most answered forum threads of every product, at most [`HOME_THREADS`].
    #[serde(default)]
    pub popular_threads: Vec<ForumThread>,
}

/// The user's open chat, as the home page mentions it (the chat panel reads the whole chat).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct HomeChat {
    pub id: String,
    pub status: ChatStatus,
    pub topic: String,
}

/// The user's own cases (filed or watched) that need them, whenever they were filed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct CasesNeedingYou {
    /// How many await the user's reply (`awaiting_your_reply`).
    pub awaiting_your_reply: u32,
    /// The first five of them, most recently updated first.
    pub awaiting: Vec<CaseSummary>,
    /// How many are open (any status but `closed`), those awaiting a reply included.
    pub open: u32,
}

/// How much an announcement matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// News: a new feature, a change to come.
    Info,
    /// Something that may get in the way: planned maintenance, a known problem.
    Warning,
    /// Something that stops work now: an outage.
    Critical,
    #[serde(other)]
    Unknown,
}

/// A message from the vendor to every portal user, shown while it is current.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Announcement {
    pub id: String,
    pub severity: Severity,
    /// Plain text, shown as text.
    pub title: String,
    /// Plain text, shown as text; paragraphs separated by blank lines.
    pub body: String,
    /// The language of `title` and `body`: the one asked for, else English.
    pub language: Locale,
    /// Shown from (RFC 3339).
    pub starts_at: String,
    /// Shown until (RFC 3339); `None`: until withdrawn.
    pub ends_at: Option<String>,
}

/// One language version of an announcement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AnnouncementText {
    pub language: Locale,
    /// 1 to 200 characters.
    pub title: String,
    /// 1 to 2,000 characters.
    pub body: String,
}

/// `POST /agent/v1/announcements` body: the vendor publishes an announcement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewAnnouncement {
    pub severity: Severity,
    /// RFC 3339.
    pub starts_at: String,
    /// RFC 3339, after `starts_at`; absent: until withdrawn.
    #[serde(default)]
    pub ends_at: Option<String>,
    /// One per language, English among them.
    pub texts: Vec<AnnouncementText>,
}

/// Longest announcement title, in characters.
pub const ANNOUNCEMENT_TITLE_MAX: usize = 200;
/// Longest announcement body, in characters.
pub const ANNOUNCEMENT_BODY_MAX: usize = 2_000;
