//! Whether chat is offered for a product right now, and if not, why: the phase first (nothing
//! is offered while the portal is set up), then the product's channels, then the business
//! hours of the organisation's region.

use support_contract::chat::{ChatAvailability, ChatUnavailable};
use support_contract::{Channel, Phase, Product, ProductChannels, Region};

use crate::business_hours;
use crate::clock::ts;
use crate::config::ChatHours;

/// What availability depends on besides the product and the time.
#[derive(Clone, Copy, Debug)]
pub struct Rules<'a> {
    pub phase: Phase,
    pub hours: ChatHours,
    pub region: Region,
    /// The portal configuration's channels per product.
    pub channels: &'a [ProductChannels],
}

/// Whether chat about `product` is offered at `now` (Unix seconds).
pub fn for_product(rules: Rules<'_>, product: Product, now: i64) -> ChatAvailability {
    let unavailable = |reason, opens_at: Option<i64>| ChatAvailability {
        product,
        available: false,
        reason: Some(reason),
        opens_at: opens_at.map(ts),
    };
    if rules.phase == Phase::Setup {
        return unavailable(ChatUnavailable::SetupPhase, None);
    }
    let offered = rules
        .channels
        .iter()
        .any(|p| p.product == product && p.channels.contains(&Channel::Chat));
    if !offered {
        return unavailable(ChatUnavailable::NotOfferedForProduct, None);
    }
    let open = match rules.hours {
        ChatHours::Always => true,
        ChatHours::Closed => false,
        ChatHours::Business => business_hours::is_open(rules.region, now),
    };
    if !open {
        return unavailable(
            ChatUnavailable::OutsideBusinessHours,
            business_hours::next_opening(rules.region, now),
        );
    }
    ChatAvailability {
        product,
        available: true,
        reason: None,
        opens_at: None,
    }
}

/// Availability of every product of the configuration, in its order.
pub fn all(rules: Rules<'_>, now: i64) -> Vec<ChatAvailability> {
    rules
        .channels
        .iter()
        .map(|p| for_product(rules, p.product, now))
        .collect()
}

/// A sentence for the `chat-unavailable` problem's detail.
pub fn explain(a: &ChatAvailability) -> String {
    match a.reason {
        Some(ChatUnavailable::SetupPhase) => {
            "The portal is being set up; chat opens when it goes live. Call support meanwhile."
                .into()
        }
        Some(ChatUnavailable::NotOfferedForProduct) => {
            "Chat is not offered for this product; file a case or request a callback.".into()
        }
        Some(ChatUnavailable::OutsideBusinessHours) => match &a.opens_at {
            Some(at) => format!("Chat is closed outside business hours; it opens at {at}."),
            None => "Chat is closed outside business hours.".into(),
        },
        _ => "Chat is not available now.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::portal::portal_config;

    fn at(s: &str) -> i64 {
        s.parse::<jiff::Timestamp>().unwrap().as_second()
    }

    fn check(phase: Phase, hours: ChatHours, product: Product, now: &str) -> ChatAvailability {
        let config = portal_config(phase, 1);
        let rules = Rules {
            phase,
            hours,
            region: Region::Emea,
            channels: &config.products,
        };
        for_product(rules, product, at(now))
    }

    // Tuesday 2026-11-17: 10:00 and 18:00 in London (GMT).
    const OPEN: &str = "2026-11-17T10:00:00Z";
    const EVENING: &str = "2026-11-17T18:00:00Z";

    #[test]
    fn analytics_is_offered_within_the_regions_business_hours() {
        let a = check(Phase::Live, ChatHours::Business, Product::Analytics, OPEN);
        assert!(a.available && a.reason.is_none() && a.opens_at.is_none());
        let a = check(
            Phase::Enablement,
            ChatHours::Business,
            Product::Analytics,
            OPEN,
        );
        assert!(a.available);
    }

    #[test]
    fn outside_business_hours_says_when_chat_opens() {
        let a = check(
            Phase::Live,
            ChatHours::Business,
            Product::Analytics,
            EVENING,
        );
        assert!(!a.available);
        assert_eq!(a.reason, Some(ChatUnavailable::OutsideBusinessHours));
        assert_eq!(a.opens_at.as_deref(), Some("2026-11-18T09:00:00Z"));
        // Saturday: Monday morning.
        let a = check(
            Phase::Live,
            ChatHours::Business,
            Product::Analytics,
            "2026-11-21T12:00:00Z",
        );
        assert_eq!(a.opens_at.as_deref(), Some("2026-11-23T09:00:00Z"));
    }

    #[test]
    fn the_hours_setting_overrides_the_clock() {
        let a = check(Phase::Live, ChatHours::Always, Product::Analytics, EVENING);
        assert!(a.available);
        let a = check(Phase::Live, ChatHours::Closed, Product::Analytics, OPEN);
        assert_eq!(a.reason, Some(ChatUnavailable::OutsideBusinessHours));
        assert!(a.opens_at.is_some());
    }

    #[test]
    fn products_without_chat_are_never_offered() {
        for product in [Product::Target, Product::AudienceManager] {
            let a = check(Phase::Live, ChatHours::Always, product, OPEN);
            assert_eq!(a.reason, Some(ChatUnavailable::NotOfferedForProduct));
            assert!(a.opens_at.is_none());
        }
    }

    #[test]
    fn nothing_is_offered_in_the_setup_phase() {
        let a = check(Phase::Setup, ChatHours::Always, Product::Analytics, OPEN);
        assert_eq!(a.reason, Some(ChatUnavailable::SetupPhase));
        let config = portal_config(Phase::Setup, 1);
        let rules = Rules {
            phase: Phase::Setup,
            hours: ChatHours::Always,
            region: Region::Emea,
            channels: &config.products,
        };
        let every = all(rules, at(OPEN));
        assert_eq!(every.len(), 3);
        assert!(every
            .iter()
            .all(|a| a.reason == Some(ChatUnavailable::SetupPhase)));
    }
}
