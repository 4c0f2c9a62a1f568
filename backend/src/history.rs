//! Service history rules: an interaction as the contract shows it, the summary's figures
//! (medians, months), and the export's rows in the user's language.

use support_contract::cases::{response_target_minutes, Priority};
use support_contract::history::{
    HistorySummary, Interaction, InteractionKind, MonthCount, PriorityResponse, Standing,
};
use support_contract::{Channel, Locale, Plan, Product};

use crate::clock::ts;
use crate::portal::product_name;
use crate::store::history::{FirstResponse, HistoryRow};

/// Whether a case's first response met its due time: `None` while the time still runs, and
/// for chats and callbacks, which have no target.
pub fn response_met(row: &HistoryRow, now: i64) -> Option<bool> {
    crate::cases::target_met(row.first_response_at, row.due_at?, now)
}

/// The contract's view of a stored interaction.
pub fn interaction(row: HistoryRow, now: i64) -> Interaction {
    let response_met = response_met(&row, now);
    Interaction {
        kind: row.kind,
        id: row.id,
        number: row.number,
        title: row.title,
        product: row.product,
        channel: row.channel,
        priority: row.priority,
        standing: row.standing,
        requester: row.requester,
        opened_at: ts(row.opened_at),
        first_response_at: row.first_response_at.map(ts),
        response_met,
        closed_at: row.closed_at.map(ts),
    }
}

/// The median of `values` (the lower middle one of an even count), `None` for none.
fn median(mut values: Vec<i64>) -> Option<i64> {
    values.sort_unstable();
    values.get(values.len().saturating_sub(1) / 2).copied()
}

/// The summary of a filtered set from its counts (open, awaiting the customer, closed), its
/// cases' first responses and its counts per month and product.
pub fn summary(
    standings: (u64, u64, u64),
    responses: Vec<FirstResponse>,
    months: Vec<(String, Product, u64)>,
    plan: Plan,
) -> HistorySummary {
    let response = Priority::ALL
        .into_iter()
        .map(|priority| {
            let mine: Vec<&FirstResponse> = responses
                .iter()
                .filter(|(p, _, _)| *p == priority)
                .collect();
            PriorityResponse {
                priority,
                target_minutes: response_target_minutes(priority, plan),
                answered: mine.len() as u64,
                met: mine.iter().filter(|(_, _, met)| *met).count() as u64,
                median_minutes: median(mine.iter().map(|(_, secs, _)| secs / 60).collect()),
            }
        })
        .collect();
    HistorySummary {
        open: standings.0,
        awaiting_customer: standings.1,
        closed: standings.2,
        response,
        months: months
            .into_iter()
            .map(|(month, product, count)| MonthCount {
                month,
                product,
                count,
            })
            .collect(),
    }
}

/// The export's columns, in the user's language.
pub fn export_header(locale: Locale) -> [&'static str; 12] {
    match locale {
        Locale::En => [
            "Kind",
            "Reference",
            "Title or topic",
            "Product",
            "Channel",
            "Priority",
            "Status",
            "Requester",
            "Opened",
            "First response",
            "Target met",
            "Closed",
        ],
        Locale::Fr => [
            "Type",
            "Référence",
            "Titre ou sujet",
            "Produit",
            "Canal",
            "Priorité",
            "Statut",
            "Demandeur",
            "Ouvert le",
            "Première réponse",
            "Objectif atteint",
            "Clos le",
        ],
        Locale::Es => [
            "Tipo",
            "Referencia",
            "Título o asunto",
            "Producto",
            "Canal",
            "Prioridad",
            "Estado",
            "Solicitante",
            "Abierto",
            "Primera respuesta",
            "Objetivo cumplido",
            "Cerrado",
        ],
    }
}

fn kind_word(locale: Locale, kind: InteractionKind) -> &'static str {
    match (locale, kind) {
        (Locale::En, InteractionKind::Case) => "Case",
        (Locale::Fr, InteractionKind::Case) => "Dossier",
        (Locale::Es, InteractionKind::Case) => "Caso",
        (Locale::En | Locale::Fr, InteractionKind::Chat) => "Chat",
        (Locale::Es, InteractionKind::Chat) => "Chat",
        (Locale::En, InteractionKind::Callback) => "Callback",
        (Locale::Fr, InteractionKind::Callback) => "Rappel",
        (Locale::Es, InteractionKind::Callback) => "Devolución de llamada",
        (_, InteractionKind::Unknown) => "",
    }
}

fn standing_word(locale: Locale, standing: Standing) -> &'static str {
    match (locale, standing) {
        (Locale::En, Standing::Open) => "Open",
        (Locale::Fr, Standing::Open) => "Ouvert",
        (Locale::Es, Standing::Open) => "Abierto",
        (Locale::En, Standing::AwaitingCustomer) => "Awaiting your reply",
        (Locale::Fr, Standing::AwaitingCustomer) => "En attente de votre réponse",
        (Locale::Es, Standing::AwaitingCustomer) => "Pendiente de su respuesta",
        (Locale::En, Standing::Closed) => "Closed",
        (Locale::Fr, Standing::Closed) => "Clos",
        (Locale::Es, Standing::Closed) => "Cerrado",
        (_, Standing::Unknown) => "",
    }
}

fn channel_word(locale: Locale, channel: Channel) -> &'static str {
    match (locale, channel) {
        (_, Channel::Web) => "Web",
        (_, Channel::Chat) => "Chat",
        (Locale::En, Channel::Phone) => "Phone",
        (Locale::Fr, Channel::Phone) => "Téléphone",
        (Locale::Es, Channel::Phone) => "Teléfono",
        (_, Channel::Unknown) => "",
    }
}

fn yes_no(locale: Locale, yes: bool) -> &'static str {
    match (locale, yes) {
        (Locale::En, true) => "Yes",
        (Locale::Fr, true) => "Oui",
        (Locale::Es, true) => "Sí",
        (_, false) => "No",
    }
}

/// One interaction as export cells, in the user's language; times stay RFC 3339 (UTC) so
/// spreadsheets read them as times.
pub fn export_cells(row: &HistoryRow, locale: Locale, now: i64) -> [String; 12] {
    let priority = row
        .priority
        .map(|p| support_contract::wire::wire_name(&p).to_uppercase())
        .unwrap_or_default();
    [
        kind_word(locale, row.kind).to_string(),
        row.number.clone().unwrap_or_default(),
        row.title.clone(),
        product_name(row.product).to_string(),
        channel_word(locale, row.channel).to_string(),
        priority,
        standing_word(locale, row.standing).to_string(),
        row.requester.name.clone(),
        ts(row.opened_at),
        row.first_response_at.map(ts).unwrap_or_default(),
        response_met(row, now)
            .map(|met| yes_no(locale, met).to_string())
            .unwrap_or_default(),
        row.closed_at.map(ts).unwrap_or_default(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::cases::Person;

    fn case(first_response_at: Option<i64>, due_at: i64) -> HistoryRow {
        HistoryRow {
            kind: InteractionKind::Case,
            id: "case_1".into(),
            number: Some("C-000001".into()),
            title: "Late data".into(),
            product: Product::Analytics,
            channel: Channel::Web,
            priority: Some(Priority::P2),
            standing: Standing::Open,
            requester: Person {
                id: "u".into(),
                name: "=HYPERLINK(\"x\")".into(),
            },
            opened_at: 0,
            first_response_at,
            due_at: Some(due_at),
            closed_at: None,
            sort_key: 0,
        }
    }

    #[test]
    fn a_target_is_met_by_a_response_in_time_missed_when_late_or_overdue_and_open_until_due() {
        assert_eq!(response_met(&case(Some(100), 200), 1000), Some(true));
        assert_eq!(response_met(&case(Some(300), 200), 1000), Some(false));
        assert_eq!(response_met(&case(None, 200), 1000), Some(false));
        assert_eq!(response_met(&case(None, 2000), 1000), None);
        let chat = HistoryRow {
            kind: InteractionKind::Chat,
            due_at: None,
            ..case(Some(5), 0)
        };
        assert_eq!(response_met(&chat, 1000), None);
    }

    #[test]
    fn the_summary_takes_the_middle_response_per_priority_and_adds_up_to_the_set() {
        let s = summary(
            (2, 1, 3),
            vec![
                (Priority::P2, 600, true),
                (Priority::P2, 7200, false),
                (Priority::P2, 1200, true),
                (Priority::P1, 60, true),
            ],
            vec![
                ("2026-10".into(), Product::Target, 4),
                ("2026-11".into(), Product::Analytics, 2),
            ],
            Plan::Premium,
        );
        assert_eq!(s.total(), 6);
        let p2 = &s.response[1];
        assert_eq!((p2.answered, p2.met, p2.median_minutes), (3, 2, Some(20)));
        assert_eq!(p2.target_minutes, 30);
        assert_eq!(s.response[3].median_minutes, None);
        assert_eq!(s.months[0].month, "2026-10");
    }

    #[test]
    fn the_export_speaks_the_users_language() {
        let row = case(Some(60), 120);
        let fr = export_cells(&row, Locale::Fr, 1000);
        assert_eq!(fr[0], "Dossier");
        assert_eq!(fr[5], "P2");
        assert_eq!(fr[10], "Oui");
        assert_eq!(export_header(Locale::Es)[2], "Título o asunto");
    }
}
