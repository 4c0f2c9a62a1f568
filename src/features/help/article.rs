use super::blocks::ArticleBody;
use super::results::TopicItem;
use super::vote::HelpfulVote;
use crate::api::{use_api, ApiError, HelpApi};
use crate::components::{use_route_param, AppLink, ErrorNotice, LoadingIndicator};
use crate::i18n::{product_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::help::HelpArticle;

/// A help article at `/help/{slug}`, in the user's language when it is written in it (else in
/// English, with a note): its body, what it is about, "Was this helpful?" and related articles.
/// Switching language fetches it again in the new one.
#[component]
pub fn HelpArticlePage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn HelpApi>();
    let slug = use_route_param();
    let article = LocalResource::new(move || api.help_article(slug.get(), i18n.locale.get()));
    view! {
        <div class="page help-article">
            <p><AppLink href="/help">{i18n.s(Key::HelpBack)}</AppLink></p>
            <Transition fallback=|| view! { <LoadingIndicator/> }>
                {move || Suspend::new(async move {
                    match article.await {
                        Ok(a) => view! { <ArticleView article=a/> }.into_any(),
                        Err(ApiError::NotFound) => view! {
                            <h1 id="page-title">{i18n.s(Key::NotFoundTitle)}</h1>
                            <p>{i18n.s(Key::HelpArticleMissing)}</p>
                        }.into_any(),
                        Err(e) => view! {
                            <h1 id="page-title">{i18n.s(Key::NavHelp)}</h1>
                            <ErrorNotice error=e retry=Callback::new(move |_| article.refetch())/>
                        }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// The article itself, its words marked with their language.
#[component]
fn ArticleView(article: HelpArticle) -> impl IntoView {
    let i18n = use_i18n();
    let HelpArticle {
        topic,
        body,
        related,
        your_vote,
    } = article;
    let lang = topic.language.tag();
    let language = topic.language;
    let updated = topic.updated_at.clone();
    let tags = topic.tags.join(", ");
    view! {
        <article class="card" aria-labelledby="page-title">
            <h1 id="page-title" lang=lang>{topic.title.clone()}</h1>
            <p class="lead" lang=lang>{topic.summary.clone()}</p>
            <Show when=move || i18n.locale.get() != language>
                <p class="banner info">{i18n.s(Key::HelpArticleInEnglish)}</p>
            </Show>
            <dl class="facts help-facts">
                <dt>{i18n.s(Key::FilterProduct)}</dt>
                <dd>{i18n.s(product_key(topic.product))}</dd>
                <dt>{i18n.s(Key::ColUpdated)}</dt>
                <dd>{move || i18n.date_time(&updated)}</dd>
                <dt>{i18n.s(Key::HelpTags)}</dt>
                <dd lang=lang>{tags}</dd>
            </dl>
            <div class="article-body" lang=lang>
                <ArticleBody blocks=body/>
            </div>
        </article>
        <HelpfulVote slug=topic.slug vote=your_vote/>
        {(!related.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="help-related-title">
                <h2 id="help-related-title">{i18n.s(Key::HelpRelated)}</h2>
                <ul class="help-list">
                    {related.into_iter().map(|t| view! { <TopicItem topic=t/> }).collect_view()}
                </ul>
            </section>
        })}
    }
}
