use super::router::{use_query, use_router};
use super::SearchForm;
use crate::domain::with_query;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::query::{ListQuery, Paged};

/// A list whose state (filters, search, sort, page) lives in the URL: the view is linkable,
/// a reload keeps it and the back button restores the one before. Every list page uses it.
pub struct ListUrl<Q: Send + Sync + 'static> {
    /// The page of the view the URL describes (unreadable values dropped); it derefs to the view.
    pub query: Memo<Paged<Q>>,
    /// Goes to another page or view: a navigation, so the back button returns.
    pub go: Callback<Paged<Q>>,
    /// Shows another view in place of this one: the history keeps one entry for both.
    replace: Callback<Paged<Q>>,
}

impl<Q: Send + Sync + 'static> Clone for ListUrl<Q> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Q: Send + Sync + 'static> Copy for ListUrl<Q> {}

/// The state of the list at `path` from the URL's query.
pub fn use_list_url<Q>(path: &'static str) -> ListUrl<Q>
where
    Q: ListQuery + Send + Sync + 'static,
{
    let pairs = use_query();
    let query = Memo::new(move |_| pairs.with(|p| Paged::<Q>::from_pairs(p)));
    let router = use_router();
    let go = Callback::new(move |page: Paged<Q>| router.go(&with_query(path, &page.to_pairs())));
    let replace =
        Callback::new(move |page: Paged<Q>| router.replace(&with_query(path, &page.to_pairs())));
    ListUrl { query, go, replace }
}

impl<Q: ListQuery + Send + Sync + 'static> ListUrl<Q> {
    /// Goes to the view `change` makes of the current one, from its first page.
    pub fn update(self, change: impl FnOnce(&mut Q)) {
        self.change_by(change, self.go);
    }

    /// Like [`ListUrl::update`], but in place of the current view in the history: a search that
    /// follows the keys as they are typed leaves one entry, not one per pause.
    pub fn retype(self, change: impl FnOnce(&mut Q)) {
        self.change_by(change, self.replace);
    }

    fn change_by(self, change: impl FnOnce(&mut Q), to: Callback<Paged<Q>>) {
        let mut q = self.query.get_untracked().query;
        change(&mut q);
        to.run(q.into());
    }

    /// Whether the list is narrowed (reactive).
    pub fn is_filtered(self) -> bool {
        self.query.with(|p| p.is_filtered())
    }

    /// Which empty state a list with no rows shows: `matching` when the view is narrowed,
    /// else `none_yet`. Read once, untracked, after an answer arrived; an answer that arrives
    /// after the user left the page (the list is gone) gets `none_yet` instead of a panic.
    pub fn empty_key(self, matching: Key, none_yet: Key) -> Key {
        if self
            .query
            .try_with_untracked(|p| p.is_filtered())
            .unwrap_or(false)
        {
            matching
        } else {
            none_yet
        }
    }

    /// The same view without filters.
    pub fn clear(self) {
        self.go
            .run(self.query.with_untracked(|p| p.cleared()).into());
    }

    /// The way between pages, for a page whose `next_cursor` is `next`.
    pub fn pager(self, next: Option<String>) -> impl IntoView {
        let first = self.query.with_untracked(|p| p.cursor.is_none());
        let go_to = Callback::new(move |cursor| self.go.run(self.query.get_untracked().at(cursor)));
        view! { <Pager first=first next=next go_to=go_to/> }
    }
}

/// "First page" (when not on it) and "Next page" (when there is one).
#[component]
pub fn Pager(
    /// Whether this is the first page.
    first: bool,
    /// The cursor of the next page, if there is one.
    next: Option<String>,
    /// Goes to the page at a cursor (`None`: the first).
    go_to: Callback<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="pager">
            {(!first).then(|| view! {
                <button type="button" class="button" on:click=move |_| go_to.run(None)>
                    {i18n.s(Key::FirstPage)}
                </button>
            })}
            {next.map(|cursor| view! {
                <button type="button" class="button" on:click=move |_| go_to.run(Some(cursor.clone()))>
                    {i18n.s(Key::NextPage)}
                </button>
            })}
        </div>
    }
}

/// A list's search box: its id and label, the search the list has, and where a new one goes.
pub struct ListSearch {
    pub id: &'static str,
    pub label: Key,
    pub current: Signal<String>,
    pub on_search: Callback<String>,
}

/// The region holding a list's search box (if it has one) and filters, named after its own
/// list (`title`), with "Clear filters" while the list is narrowed.
#[component]
pub fn FilterPanel(
    title: Key,
    #[prop(optional)] search: Option<ListSearch>,
    #[prop(into)] filtered: Signal<bool>,
    on_clear: Callback<()>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card filters" aria-labelledby="filters-title">
            <h2 id="filters-title" class="visually-hidden">{i18n.s(title)}</h2>
            {search.map(|s| view! { <SearchForm id=s.id label=s.label current=s.current on_search=s.on_search/> })}
            {children()}
            <Show when=move || filtered.get()>
                <button type="button" class="button" on:click=move |_| on_clear.run(())>
                    {i18n.s(Key::ClearFilters)}
                </button>
            </Show>
        </section>
    }
}
