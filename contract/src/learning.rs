//! Learning material ("Get started"): short guides, videos and help articles about the portal
//! and the three products, each user's own completion of them, and their progress.
//!
//! The items are the vendor's, the same for every organisation, in English, French and Spanish;
//! a completion belongs to its user, and only they read it back.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::{Locale, Role};

/// What a learning item is, and so where it leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LearningKind {
    /// A walk through a page of the portal: `path`.
    Guide,
    /// A video on the vendor's site: `url`.
    Video,
    /// A help article of the portal: `article_slug` (its page is `/help/{slug}`).
    Article,
    #[serde(other)]
    Unknown,
}

/// Who an item is meant for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Every portal user, members without a support role included.
    Everyone,
    /// Support System and Customer Support Administrators only.
    SupportRoles,
    #[serde(other)]
    Unknown,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Everyone, Audience::SupportRoles];

    /// The audiences a user of `role` belongs to.
    pub fn of(role: Option<Role>) -> Vec<Audience> {
        Audience::ALL
            .into_iter()
            .filter(|a| a.includes(role))
            .collect()
    }

    /// Whether a user of `role` (`None`: a member without a support role) is in the audience.
    /// A role this build does not know counts as no support role, as it grants no more.
    pub fn includes(self, role: Option<Role>) -> bool {
        match self {
            Audience::Everyone => true,
            Audience::SupportRoles => matches!(
                role,
                Some(Role::SupportSystemAdmin | Role::CustomerSupportAdmin)
            ),
            Audience::Unknown => false,
        }
    }
}

/// One item of the learning material, in the reader's language, with the reader's completion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct LearningItem {
    /// Lowercase letters, digits and hyphens; the same in every language.
    pub id: String,
    pub kind: LearningKind,
    pub title: String,
    /// One or two sentences: what the reader learns.
    pub summary: String,
    /// The language of `title` and `summary`: the one asked for, else English.
    pub language: Locale,
    /// Guides: the portal page the guide walks through, an in-portal path (`/settings`).
    pub path: Option<String>,
    /// Videos: the video's `https` address.
    pub url: Option<String>,
    /// Articles: the help article's slug (`GET /help/articles/{slug}`).
    pub article_slug: Option<String>,
    /// About how long it takes, in minutes.
    pub duration_minutes: u32,
    pub audience: Audience,
    /// When the reader marked it done (RFC 3339); `None` while not done.
    pub done_at: Option<String>,
}

/// How much of the learning material meant for the reader they have done.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct LearningProgress {
    /// Items marked done.
    pub done: u32,
    /// Items meant for the reader.
    pub total: u32,
}

/// The reader's learning at a glance, for the home page (`HomeSummary::learning`): their
/// progress and the title of the next item to do.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct LearningGlance {
    pub progress: LearningProgress,
    /// The first item not done yet, in the vendor's order; `None` when all are done.
    pub next: Option<String>,
}

impl LearningGlance {
    /// The glance at `items` (in the vendor's order).
    pub fn of(items: &[LearningItem]) -> Self {
        LearningGlance {
            progress: LearningProgress {
                done: items.iter().filter(|i| i.done_at.is_some()).count() as u32,
                total: items.len() as u32,
            },
            next: items
                .iter()
                .find(|i| i.done_at.is_none())
                .map(|i| i.title.clone()),
        }
    }
}

/// `GET /learning`: the items meant for the reader, in the vendor's order, and their progress.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Learning {
    pub items: Vec<LearningItem>,
    pub progress: LearningProgress,
}

/// `PUT` or `DELETE /learning/{id}/done`: the item's completion as recorded, and the progress
/// after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct LearningCompletion {
    pub id: String,
    /// When it was marked done (RFC 3339); `None`: not done.
    pub done_at: Option<String>,
    pub progress: LearningProgress,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn support_role_items_are_for_both_administrator_roles_only() {
        let support = Audience::SupportRoles;
        assert!(support.includes(Some(Role::SupportSystemAdmin)));
        assert!(support.includes(Some(Role::CustomerSupportAdmin)));
        assert!(!support.includes(None));
        assert!(!support.includes(Some(Role::Unknown)));
        assert!(Audience::Everyone.includes(None));
        assert!(!Audience::Unknown.includes(Some(Role::SupportSystemAdmin)));
        assert_eq!(Audience::of(None), [Audience::Everyone]);
        assert_eq!(
            Audience::of(Some(Role::CustomerSupportAdmin)),
            Audience::ALL
        );
    }
}
