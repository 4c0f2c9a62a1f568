//! Help articles suggested while a case is being written, from a small built-in list (the help
//! pages themselves come later; a title and a link suffice here).

use support_contract::cases::HelpSuggestion;

/// The built-in articles: (product slug, title).
const ARTICLES: &[(&str, &str)] = &[
    ("analytics", "Data is missing from a report suite"),
    ("analytics", "Report suite data is delayed or latent"),
    ("analytics", "Workspace project fails to load or times out"),
    ("analytics", "Calculated metrics show unexpected values"),
    ("analytics", "Segments return no data in Workspace"),
    (
        "analytics",
        "Troubleshoot the tracking code and image requests",
    ),
    ("analytics", "Bot traffic inflates visits and page views"),
    ("analytics", "Classifications are not applied to reports"),
    ("analytics", "Data feeds are late or incomplete"),
    ("analytics", "Scheduled reports are not delivered by email"),
    ("analytics", "Marketing channel attribution looks wrong"),
    ("analytics", "Real-time reports show no traffic"),
    ("analytics", "Processing rules do not set variables"),
    ("analytics", "Data Warehouse requests fail or stay pending"),
    ("analytics", "Currency conversion and revenue discrepancies"),
    ("analytics", "Visitor identification and cookie issues"),
    ("analytics", "Export a Workspace project to PDF or CSV"),
    ("analytics", "API requests return 429 throttling errors"),
    ("analytics", "Report suite settings and time zone changes"),
    (
        "analytics",
        "User permissions for report suites and projects",
    ),
    ("target", "Activity does not show on the site"),
    ("target", "Flicker before the experience loads"),
    ("target", "Visitors are not qualifying for an audience"),
    ("target", "A/B test reports show no conversions"),
    ("target", "Activity is stuck in syncing or inactive status"),
    (
        "target",
        "Troubleshoot the at.js library and delivery calls",
    ),
    ("target", "Mbox requests time out or return errors"),
    (
        "target",
        "Visual Experience Composer does not load the site URL",
    ),
    ("target", "Automated personalization models are not ready"),
    ("target", "Recommendations show empty or stale items"),
    ("target", "Single-page application views are not tracked"),
    ("target", "Preview links and QA mode do not work"),
    ("target", "Traffic allocation and sample size questions"),
    ("target", "Analytics for Target reports differ from Target"),
    ("target", "Offers render incorrectly on mobile devices"),
    ("target", "Profile scripts return unexpected values"),
    ("target", "Cross-domain activities and third-party cookies"),
    ("target", "Server-side delivery API errors"),
    (
        "target",
        "Activity priority and collisions between activities",
    ),
    ("target", "Audit which user changed an activity"),
    (
        "audience_manager",
        "Segment population is lower than expected",
    ),
    ("audience_manager", "Data source files are not ingested"),
    ("audience_manager", "Inbound onboarding file format errors"),
    ("audience_manager", "Outbound destination deliveries fail"),
    ("audience_manager", "Traits do not realise for visitors"),
    (
        "audience_manager",
        "Segment ID mappings missing in a destination",
    ),
    ("audience_manager", "ID synchronisation with partners fails"),
    (
        "audience_manager",
        "Profile merge rules behave unexpectedly",
    ),
    ("audience_manager", "Overlap reports show no data"),
    (
        "audience_manager",
        "Data Integration Library and pixel calls",
    ),
    ("audience_manager", "Algorithmic models do not run"),
    ("audience_manager", "Audience Marketplace feed access"),
    (
        "audience_manager",
        "Data export controls block a destination",
    ),
    ("audience_manager", "Cross-device data source configuration"),
    ("audience_manager", "Trait rule syntax and signal keys"),
    ("audience_manager", "Batch upload of traits and segments"),
    ("audience_manager", "Reporting delays for segment counts"),
    (
        "audience_manager",
        "Opt-out and privacy requests for visitors",
    ),
    (
        "audience_manager",
        "S3 bucket permissions for file transfers",
    ),
    ("audience_manager", "API authentication and token errors"),
];

/// The words of a text worth matching: lowercase, at least three letters.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// Up to five articles, the most words of `q` in their title first; `product` (a product's wire
/// name) restricts them to one product.
pub fn suggest(q: &str, product: Option<&str>) -> Vec<HelpSuggestion> {
    let wanted = words(q);
    let mut scored: Vec<(usize, usize)> = ARTICLES
        .iter()
        .enumerate()
        .filter(|(_, (p, _))| product.is_none_or(|want| want == *p))
        .filter_map(|(i, (_, title))| {
            let title_words = words(title);
            let score = wanted
                .iter()
                .filter(|w| {
                    title_words
                        .iter()
                        .any(|t| t.starts_with(w.as_str()) || w.starts_with(t.as_str()))
                })
                .count();
            (score > 0).then_some((score, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(5)
        .map(|(_, i)| {
            let (product, title) = ARTICLES[i];
            let slug = words(title).join("-");
            HelpSuggestion {
                title: title.to_string(),
                url: format!("https://help.support-portal.example/{product}/{slug}"),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_match_words_and_products() {
        let s = suggest("our report suite is missing data", None);
        assert_eq!(s[0].title, "Data is missing from a report suite");
        assert!(suggest("flicker", Some("analytics")).is_empty());
        assert_eq!(suggest("flicker", Some("target")).len(), 1);
        assert!(suggest("", None).is_empty());
        assert!(suggest("segment", None).len() <= 5);
    }
}
