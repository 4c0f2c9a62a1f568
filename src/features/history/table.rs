use crate::auth::use_session;
use crate::components::{AppLink, DataTable, ListUrl};
use crate::i18n::{kind_key, priority_key, product_key, standing_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::history::{HistoryQuery, Interaction, InteractionKind};
use support_contract::Page;

/// Where an interaction opens: a case's page (any of the organisation's); the user's own chat's
/// page, and their callback requests on the Contact page. A colleague's chat or callback
/// request has no page the user may open.
fn link_of(i: &Interaction, me: &str) -> Option<String> {
    match i.kind {
        InteractionKind::Case => Some(format!("/cases/{}", i.id)),
        InteractionKind::Chat if i.requester.id == me => Some(format!("/chats/{}", i.id)),
        InteractionKind::Callback if i.requester.id == me => Some("/contact".to_string()),
        _ => None,
    }
}

/// One page of interactions, and the way to the next.
#[component]
pub(super) fn InteractionTable(
    page: Page<Interaction>,
    list: ListUrl<HistoryQuery>,
) -> impl IntoView {
    let i18n = use_i18n();
    let me = use_session()
        .session()
        .map(|s| s.user.id)
        .unwrap_or_default();
    let columns = vec![
        Key::ColReference,
        Key::ColTitleOrTopic,
        Key::FilterKind,
        Key::FilterProduct,
        Key::FilterPriority,
        Key::FilterStatus,
        Key::ColRequester,
        Key::ColOpened,
        Key::ColResponse,
        Key::ColClosed,
    ];
    view! {
        <DataTable caption=Key::HistoryTableTitle columns=columns>
            {page.items.into_iter().map(|i| {
                let reference = match &i.number {
                    Some(n) => n.clone(),
                    None => i18n.t(kind_key(i.kind)).to_string(),
                };
                let reference = match link_of(&i, &me) {
                    Some(href) => view! { <AppLink href=href>{reference}</AppLink> }.into_any(),
                    None => view! { <span>{reference}</span> }.into_any(),
                };
                let opened = i.opened_at.clone();
                let responded = i.first_response_at.clone();
                let closed = i.closed_at.clone();
                let met = i.response_met;
                view! {
                    <tr>
                        <th scope="row">{reference}</th>
                        <td>{i.title.clone()}</td>
                        <td>{i18n.s(kind_key(i.kind))}</td>
                        <td>{i18n.s(product_key(i.product))}</td>
                        <td>{i.priority.map(|p| i18n.s(priority_key(p)))}</td>
                        <td>{i18n.s(standing_key(i.standing))}</td>
                        <td>{i.requester.name.clone()}</td>
                        <td>{move || i18n.date_time(&opened)}</td>
                        <td>
                            {move || responded.as_deref().map(|t| i18n.date_time(t))}
                            {met.map(|met| {
                                let (class, key) = if met { ("badge success", Key::ResponseMet) } else { ("badge danger", Key::ResponseMissed) };
                                view! { " "<span class=class>{i18n.s(key)}</span> }
                            })}
                        </td>
                        <td>{move || closed.as_deref().map(|t| i18n.date_time(t))}</td>
                    </tr>
                }
            }).collect_view()}
        </DataTable>
        {list.pager(page.next_cursor)}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::cases::Person;
    use support_contract::history::Standing;
    use support_contract::{Channel, Product};

    fn of(kind: InteractionKind, requester: &str) -> Interaction {
        Interaction {
            kind,
            id: "x1".into(),
            number: None,
            title: "t".into(),
            product: Product::Target,
            channel: Channel::Web,
            priority: None,
            standing: Standing::Open,
            requester: Person {
                id: requester.into(),
                name: "n".into(),
            },
            opened_at: String::new(),
            first_response_at: None,
            response_met: None,
            closed_at: None,
        }
    }

    #[test]
    fn cases_open_for_everyone_chats_and_callbacks_only_for_their_requester() {
        assert_eq!(
            link_of(&of(InteractionKind::Case, "other"), "me").as_deref(),
            Some("/cases/x1")
        );
        assert_eq!(
            link_of(&of(InteractionKind::Chat, "me"), "me").as_deref(),
            Some("/chats/x1")
        );
        assert_eq!(link_of(&of(InteractionKind::Chat, "other"), "me"), None);
        assert_eq!(
            link_of(&of(InteractionKind::Callback, "me"), "me").as_deref(),
            Some("/contact")
        );
        assert_eq!(link_of(&of(InteractionKind::Callback, "other"), "me"), None);
    }
}
