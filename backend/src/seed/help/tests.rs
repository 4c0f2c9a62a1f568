use super::*;
use support_contract::help::{is_slug, Block};

#[test]
fn every_article_has_an_english_french_and_spanish_version() {
    let library = library();
    assert!(library.len() >= 30);
    for product in [
        Product::Analytics,
        Product::Target,
        Product::AudienceManager,
    ] {
        let n = library
            .iter()
            .filter(|a| a.versions[0].1.product == product)
            .count();
        assert!(n >= 10, "{product:?} has {n} articles");
    }
    for article in &library {
        assert!(is_slug(article.slug), "{}", article.slug);
        let languages: Vec<Locale> = article.versions.iter().map(|(l, _)| *l).collect();
        assert_eq!(languages, Locale::ALL, "{}", article.slug);
        let en = &article.versions[0].1;
        for (language, draft) in &article.versions {
            let at = format!("{}/{language:?}", article.slug);
            assert!(!draft.title.is_empty() && !draft.summary.is_empty(), "{at}");
            assert!(!draft.tags.is_empty(), "{at}");
            let blocks = markdown::to_blocks(&draft.body);
            assert!(
                blocks.iter().any(|b| matches!(b, Block::Heading { .. })) && blocks.len() >= 4,
                "{at}: a body with headings and a few blocks"
            );
            if *language != Locale::En {
                assert_ne!(draft.title, en.title, "{at} is translated");
                assert_ne!(draft.body, en.body, "{at} is translated");
            }
        }
    }
}

#[test]
fn french_and_spanish_versions_are_written_with_their_accents() {
    for article in library() {
        for (language, draft) in &article.versions {
            let text = format!("{} {} {}", draft.title, draft.summary, draft.body);
            match language {
                Locale::Fr => assert!(
                    text.contains(['é', 'è', 'à', 'ê', 'ç']),
                    "{}: French without accents",
                    article.slug
                ),
                Locale::Es => assert!(
                    text.contains(['á', 'é', 'í', 'ó', 'ú', 'ñ']),
                    "{}: Spanish without accents",
                    article.slug
                ),
                Locale::En => {}
            }
        }
    }
}

#[test]
fn a_malformed_article_file_says_what_is_wrong() {
    let err = |text| parse("broken", text).err().unwrap();
    assert!(err("product: analytics\nage: 1\n").contains("no `=== en` section"));
    assert!(err("product: photoshop\nage: 1\n\n=== en\ntitle: T\n\nBody").contains("product"));
    assert!(err("product: target\nage: soon\n\n=== en\ntitle: T\n\nBody").contains("age"));
    assert!(
        err("product: target\nage: 1\n\n=== en\ntitle: T\ntags: a\n\nBody").contains("summary")
    );
}

#[test]
fn the_library_fills_an_empty_database_once_with_its_generated_articles() {
    let mut conn = Connection::open_in_memory().unwrap();
    crate::db::migrate(&mut conn).unwrap();
    assert!(seed_help(&mut conn, 12).unwrap());
    assert!(!seed_help(&mut conn, 12).unwrap());
    let articles = help_store::article_count(&conn).unwrap();
    assert_eq!(articles, library().len() as i64 * 3 + 12);
    let english = help_store::forum_threads(&conn, Locale::En, None, 100).unwrap();
    assert!(english.len() >= 6 && english.iter().all(|t| t.language == Locale::En));
    let french = help_store::forum_threads(&conn, Locale::Fr, Some(Product::Target), 100).unwrap();
    assert_eq!(
        french[0].language,
        Locale::Fr,
        "the reader's language first"
    );
    assert!(french.len() > 1 && french.iter().all(|t| t.product == Product::Target));
    assert!(french.iter().all(|t| t.url.starts_with("https://")));
}
