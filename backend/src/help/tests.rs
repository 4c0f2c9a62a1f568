//! The search over a seeded library: languages, accents, prefixes, fallback, products.

use super::*;
use crate::seed::help::write_article;
use support_contract::help::HelpArticleDraft;

fn library() -> rusqlite::Connection {
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    crate::db::migrate(&mut conn).unwrap();
    crate::seed::seed_help(&mut conn, 0).unwrap();
    conn
}

fn find(conn: &Connection, text: &str, language: Locale) -> Found {
    search(
        conn,
        &Search {
            text,
            combine: Combine::All,
            scope: Scope {
                language,
                product: None,
                prefer: None,
                limit: 20,
                offset: 0,
            },
        },
    )
    .unwrap()
}

fn slugs(found: &Found) -> Vec<&str> {
    found.items.iter().map(|t| t.slug.as_str()).collect()
}

#[test]
fn words_typed_without_accents_find_the_accented_article_in_its_language() {
    let conn = library();
    let es = find(&conn, "segmentacion", Locale::Es);
    assert_eq!(es.language, Locale::Es);
    assert!(!es.fallback);
    assert!(slugs(&es).contains(&"segments-no-data"), "{:?}", slugs(&es));
    let fr = find(&conn, "mesures calculees", Locale::Fr);
    assert_eq!(slugs(&fr)[0], "calculated-metrics-unexpected");
    assert!(fr.items.iter().all(|t| t.language == Locale::Fr));
}

#[test]
fn the_last_word_is_a_prefix_while_it_is_typed_and_titles_rank_first() {
    let conn = library();
    let typing = find(&conn, "flick", Locale::En);
    assert_eq!(slugs(&typing)[0], "flicker-before-experience");
    let done = find(&conn, "flick ", Locale::En);
    assert!(done.items.is_empty(), "a finished word is a whole word");
    let ranked = find(&conn, "classifications", Locale::En);
    assert_eq!(slugs(&ranked)[0], "classifications-not-applied");
    assert!(ranked.total as usize >= ranked.items.len());
}

#[test]
fn nothing_in_the_language_falls_back_to_english() {
    let conn = library();
    let draft = HelpArticleDraft {
        product: Product::Target,
        title: "Zanzibar connector release notes".into(),
        summary: "What changed in the Zanzibar connector.".into(),
        body: "## Zanzibar\n\nNew in this release.".into(),
        tags: vec!["release notes".into()],
    };
    write_article(&conn, "zanzibar-notes", Locale::En, &draft, 0).unwrap();
    let fr = find(&conn, "zanzibar", Locale::Fr);
    assert!(fr.fallback);
    assert_eq!(
        (fr.language, slugs(&fr)),
        (Locale::En, vec!["zanzibar-notes"])
    );
    let nowhere = find(&conn, "qwertyuiop", Locale::Fr);
    assert!(!nowhere.fallback && nowhere.items.is_empty());
    assert_eq!(nowhere.language, Locale::Fr);
    // The article itself: French asked, English given.
    let a = article(&conn, "zanzibar-notes", Locale::Fr, "nobody").unwrap();
    assert_eq!(a.topic.language, Locale::En);
}

#[test]
fn punctuation_alone_matches_nothing_and_a_blank_search_lists_everything() {
    let conn = library();
    assert_eq!(find(&conn, "\"()*", Locale::En).total, 0);
    let all = find(&conn, "", Locale::Es);
    assert_eq!(all.total as usize, crate::seed::help::library().len());
    assert_eq!(all.items.len(), 20);
}

#[test]
fn suggestions_put_the_cases_product_first_and_link_the_portal_page() {
    let conn = library();
    let s = suggest(
        &conn,
        "segment shows no data in the report",
        Some(Product::AudienceManager),
        Locale::En,
        "https://portal.example",
    )
    .unwrap();
    assert!(!s.is_empty() && s.len() <= 5);
    assert_eq!(s[0].product, Product::AudienceManager);
    assert_eq!(
        s[0].url,
        format!("https://portal.example/help/{}", s[0].slug)
    );
    assert!(suggest(&conn, "  ", None, Locale::En, "")
        .unwrap()
        .is_empty());
}

#[test]
fn an_article_comes_with_blocks_and_related_articles_in_its_language() {
    let conn = library();
    let a = article(&conn, "flicker-before-experience", Locale::Es, "u").unwrap();
    assert_eq!(a.topic.language, Locale::Es);
    assert!(a.topic.title.starts_with("Parpadeo"));
    assert!(!a.body.is_empty());
    assert!(!a.related.is_empty() && a.related.len() <= 4);
    assert!(a
        .related
        .iter()
        .all(|t| t.language == Locale::Es && t.slug != a.topic.slug));
    assert!(a.your_vote.is_none());
    assert!(matches!(
        article(&conn, "no-such-article", Locale::En, "u"),
        Err(store::StoreError::NotFound)
    ));
}
