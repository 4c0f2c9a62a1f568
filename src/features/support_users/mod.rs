//! Support users (administration, for the Support System Administrator): the list, creating a
//! user, a user's page (role, review, removal), the review queue, CSV import and the audit log.

mod audit;
mod create;
mod detail;
mod import;
mod list;
mod review;
mod user_forms;

pub use audit::AuditLogPage;
pub use create::CreateSupportUserPage;
pub use detail::SupportUserPage;
pub use import::ImportSupportUsersPage;
pub use list::SupportUsersPage;
pub use review::ReviewQueuePage;

use crate::components::AppLink;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// The administration's own pages, as links (the current one is marked by the router).
#[component]
fn AdminTabs() -> impl IntoView {
    let i18n = use_i18n();
    let tabs = [
        ("/support-users", Key::NavSupportUsers),
        ("/support-users/new", Key::AddSupportUser),
        ("/support-users/review", Key::ReviewQueue),
        ("/support-users/import", Key::ImportUsers),
        ("/support-users/audit", Key::AuditLog),
    ];
    view! {
        <nav class="subnav" aria-label=i18n.s(Key::AdminSections)>
            <ul>
                {tabs.into_iter().map(|(href, key)| view! {
                    <li><AppLink href=href.to_string() exact=true>{i18n.s(key)}</AppLink></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
