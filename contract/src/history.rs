//! Service history: one timeline of the organisation's cases, chats and callback requests, its
//! summary (the tiles and the chart), and the query the list, the summary and the export share.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::cases::{Person, Priority};
use crate::query::{ListQuery, QueryReader, QueryWriter};
use crate::{Channel, Product};

/// What an interaction is. Each kind has one channel: a case is filed on the web, a chat is a
/// chat, a callback request is answered by phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InteractionKind {
    Case,
    Chat,
    Callback,
    #[serde(other)]
    Unknown,
}

impl InteractionKind {
    pub const ALL: [InteractionKind; 3] = [
        InteractionKind::Case,
        InteractionKind::Chat,
        InteractionKind::Callback,
    ];

    /// The channel the interaction goes through.
    pub fn channel(self) -> Channel {
        match self {
            InteractionKind::Case => Channel::Web,
            InteractionKind::Chat => Channel::Chat,
            InteractionKind::Callback => Channel::Phone,
            InteractionKind::Unknown => Channel::Unknown,
        }
    }
}

/// Where an interaction stands, the same words for every kind: a case awaiting the customer's
/// reply or confirmation is `awaiting_customer`; a chat or callback is open until it ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Open,
    AwaitingCustomer,
    Closed,
    #[serde(other)]
    Unknown,
}

/// The status filter of the history: still open (awaiting the customer included) or closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StandingFilter {
    Open,
    Closed,
}

/// The orders of the history. Interactions not closed yet come last when sorting by closing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HistorySort {
    #[default]
    OpenedDesc,
    OpenedAsc,
    ClosedDesc,
    ClosedAsc,
}

/// One case, chat or callback request of the organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Interaction {
    pub kind: InteractionKind,
    /// The case's, chat's or callback request's id (the case page is `/cases/{id}`, the chat's
    /// `/chats/{id}`).
    pub id: String,
    /// The case number (`C-001042`); `None` for chats and callbacks.
    pub number: Option<String>,
    /// The case's title, or the chat's or callback request's topic.
    pub title: String,
    pub product: Product,
    pub channel: Channel,
    /// Cases only.
    pub priority: Option<Priority>,
    pub standing: Standing,
    /// Who filed the case, started the chat or asked for the call.
    pub requester: Person,
    /// RFC 3339.
    pub opened_at: String,
    /// Support's first response (RFC 3339): a case's first answer, a chat's acceptance by an
    /// engineer, a callback's call.
    pub first_response_at: Option<String>,
    /// Whether the first response met its target. Cases only; `None` while the target still
    /// runs.
    pub response_met: Option<bool>,
    /// RFC 3339.
    pub closed_at: Option<String>,
}

/// The first responses to the cases of one priority, in the filtered set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PriorityResponse {
    pub priority: Priority,
    /// The organisation's first-response target, in minutes (counted on business hours for
    /// P2 to P4, around the clock for P1).
    pub target_minutes: i64,
    /// Cases of this priority that had a first response.
    pub answered: u64,
    /// Of those, how many were answered by their due time.
    pub met: u64,
    /// The median time from filing to the first response, in minutes of the clock.
    pub median_minutes: Option<i64>,
}

/// How many interactions of a product were opened in a month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct MonthCount {
    /// `YYYY-MM`, in UTC.
    pub month: String,
    pub product: Product,
    pub count: u64,
}

/// `GET /history/summary`: the filtered set at a glance.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct HistorySummary {
    pub open: u64,
    pub awaiting_customer: u64,
    pub closed: u64,
    /// One entry per priority, P1 first.
    pub response: Vec<PriorityResponse>,
    /// Counts per month and product, oldest month first; the counts add up to the set's size.
    pub months: Vec<MonthCount>,
}

impl HistorySummary {
    /// How many interactions the filtered set holds.
    pub fn total(&self) -> u64 {
        self.open + self.awaiting_customer + self.closed
    }
}

/// What the history shows: kinds (channels), products, priorities, open or closed, one
/// requester, a date range (default: the last 12 months) and an order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HistoryQuery {
    pub kinds: Vec<InteractionKind>,
    pub products: Vec<Product>,
    pub priorities: Vec<Priority>,
    pub standing: Option<StandingFilter>,
    /// A requester's user id.
    pub requester: String,
    /// A date (`YYYY-MM-DD`, inclusive) or an RFC 3339 time, on the opening time.
    pub from: String,
    pub to: String,
    pub sort: HistorySort,
}

impl ListQuery for HistoryQuery {
    fn read(r: &mut QueryReader<'_>) -> Self {
        HistoryQuery {
            kinds: r.choices("kind"),
            products: r.choices("product"),
            priorities: r.choices("priority"),
            standing: r.choice("status"),
            requester: r.text("requester"),
            from: r.date("from"),
            to: r.date("to"),
            sort: r.choice("sort").unwrap_or_default(),
        }
    }

    fn write(&self, out: &mut QueryWriter) {
        out.choices("kind", &self.kinds);
        out.choices("product", &self.products);
        out.choices("priority", &self.priorities);
        out.some("status", &self.standing);
        out.text("requester", &self.requester);
        out.text("from", &self.from);
        out.text("to", &self.to);
        out.choice("sort", &self.sort);
    }

    fn is_filtered(&self) -> bool {
        !self.kinds.is_empty()
            || !self.products.is_empty()
            || !self.priorities.is_empty()
            || self.standing.is_some()
            || !self.requester.is_empty()
            || !self.from.is_empty()
            || !self.to.is_empty()
    }

    fn cleared(&self) -> Self {
        HistoryQuery {
            sort: self.sort,
            ..HistoryQuery::default()
        }
    }
}

/// Longest page of the history a client may ask for.
pub const HISTORY_PAGE_MAX: u32 = 100;
/// The page size when the client does not ask.
pub const HISTORY_PAGE_DEFAULT: u32 = 25;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{pairs, Paged};

    #[test]
    fn a_filtered_history_survives_the_round_trip_through_the_url() {
        let page = Paged {
            query: HistoryQuery {
                kinds: vec![InteractionKind::Chat, InteractionKind::Callback],
                products: vec![Product::Target],
                priorities: vec![],
                standing: Some(StandingFilter::Closed),
                requester: "usr_1".into(),
                from: "2026-01-01".into(),
                to: "2026-06-30".into(),
                sort: HistorySort::ClosedAsc,
            },
            cursor: Some("c1".into()),
        };
        let params: Vec<(String, String)> = page
            .to_pairs()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert!(params.contains(&("kind".into(), "chat,callback".into())));
        assert!(params.contains(&("status".into(), "closed".into())));
        assert_eq!(Paged::from_pairs(&params), page);
    }

    #[test]
    fn sorting_alone_is_no_filter_and_clearing_keeps_it() {
        let q = Paged::<HistoryQuery>::from_pairs(&pairs(&[
            ("sort", "closed_desc"),
            ("status", "open"),
        ]));
        assert!(q.is_filtered());
        let cleared = q.cleared();
        assert!(!cleared.is_filtered());
        assert_eq!(cleared.sort, HistorySort::ClosedDesc);
    }

    #[test]
    fn each_kind_has_its_channel() {
        assert_eq!(InteractionKind::Case.channel(), Channel::Web);
        assert_eq!(InteractionKind::Chat.channel(), Channel::Chat);
        assert_eq!(InteractionKind::Callback.channel(), Channel::Phone);
    }
}
