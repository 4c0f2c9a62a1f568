//! What the "Get started" pages compute: where an item leads, the progress after marking one,
//! and which item comes next.

use super::safe_return_path;
use support_contract::help::{is_slug, is_web_link};
use support_contract::learning::{Learning, LearningCompletion, LearningItem, LearningKind};

/// Where a learning item leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LearningTarget {
    /// A page of the portal (a guide's page, an article's `/help/{slug}`).
    Portal(String),
    /// A page elsewhere (a video), opened in a new tab.
    External(String),
    /// Nowhere the app can safely link: the item is shown without a link.
    Nowhere,
}

impl LearningTarget {
    /// The target of `item`, checked: an in-portal path that stays in the portal, an `http(s)`
    /// address, an article slug; anything else leads nowhere.
    pub fn of(item: &LearningItem) -> LearningTarget {
        let portal = |path: &str| {
            let safe = safe_return_path(Some(path));
            (safe == path).then_some(LearningTarget::Portal(safe))
        };
        let target = match item.kind {
            LearningKind::Guide => item.path.as_deref().and_then(portal),
            LearningKind::Video => item
                .url
                .as_deref()
                .filter(|u| is_web_link(u))
                .map(|u| LearningTarget::External(u.to_string())),
            LearningKind::Article => item
                .article_slug
                .as_deref()
                .filter(|s| is_slug(s))
                .map(|s| LearningTarget::Portal(format!("/help/{s}"))),
            LearningKind::Unknown => None,
        };
        target.unwrap_or(LearningTarget::Nowhere)
    }
}

/// The list after the backend recorded `completion`: the item's `done_at` and the progress.
pub fn apply_completion(learning: &mut Learning, completion: &LearningCompletion) {
    if let Some(item) = learning.items.iter_mut().find(|i| i.id == completion.id) {
        item.done_at = completion.done_at.clone();
    }
    learning.progress = completion.progress;
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::learning::{Audience, LearningGlance, LearningProgress};
    use support_contract::Locale;

    fn item(id: &str, kind: LearningKind, target: &str) -> LearningItem {
        let t = || Some(target.to_string());
        LearningItem {
            id: id.into(),
            kind,
            title: id.into(),
            summary: String::new(),
            language: Locale::En,
            path: (kind == LearningKind::Guide).then(t).flatten(),
            url: (kind == LearningKind::Video).then(t).flatten(),
            article_slug: (kind == LearningKind::Article).then(t).flatten(),
            duration_minutes: 3,
            audience: Audience::Everyone,
            done_at: None,
        }
    }

    #[test]
    fn guides_stay_in_the_portal_articles_open_their_help_page_and_videos_open_elsewhere() {
        use LearningKind::*;
        use LearningTarget::*;
        assert_eq!(
            LearningTarget::of(&item("a", Guide, "/settings")),
            Portal("/settings".into())
        );
        assert_eq!(
            LearningTarget::of(&item("b", Article, "bot-traffic")),
            Portal("/help/bot-traffic".into())
        );
        assert_eq!(
            LearningTarget::of(&item("c", Video, "https://learn.example/v")),
            External("https://learn.example/v".into())
        );
    }

    #[test]
    fn a_target_that_would_leave_the_portal_or_run_script_leads_nowhere() {
        use LearningKind::*;
        for (kind, target) in [
            (Guide, "//evil.example"),
            (Guide, "https://evil.example"),
            (Video, "javascript:alert(1)"),
            (Article, "../admin"),
            (Unknown, "/settings"),
        ] {
            assert_eq!(
                LearningTarget::of(&item("x", kind, target)),
                LearningTarget::Nowhere,
                "{kind:?} {target}"
            );
        }
    }

    #[test]
    fn marking_an_item_done_updates_it_and_the_progress() {
        let mut learning = Learning {
            items: vec![
                item("a", LearningKind::Guide, "/"),
                item("b", LearningKind::Guide, "/help"),
            ],
            progress: LearningProgress { done: 0, total: 2 },
        };
        assert_eq!(
            LearningGlance::of(&learning.items).next.as_deref(),
            Some("a")
        );
        let done = LearningCompletion {
            id: "a".into(),
            done_at: Some("2026-04-01T09:00:00Z".into()),
            progress: LearningProgress { done: 1, total: 2 },
        };
        apply_completion(&mut learning, &done);
        assert!(learning.items[0].done_at.is_some());
        assert_eq!(learning.progress.done, 1);
        assert_eq!(
            LearningGlance::of(&learning.items).next.as_deref(),
            Some("b")
        );
    }
}
