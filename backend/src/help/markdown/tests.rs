use super::*;

fn p(spans: Vec<Span>) -> Block {
    Block::Paragraph { spans }
}

fn text(t: &str) -> Span {
    Span::plain(t)
}

#[test]
fn headings_paragraphs_and_styles_become_blocks_and_spans() {
    let blocks =
        to_blocks("## Check the *report* suite\n\nOpen **Admin** then `Report suites`.\nSave.");
    assert_eq!(
        blocks,
        vec![
            Block::Heading {
                level: 2,
                spans: vec![
                    text("Check the "),
                    Span {
                        emphasis: true,
                        ..text("report")
                    },
                    text(" suite"),
                ],
            },
            p(vec![
                text("Open "),
                Span {
                    strong: true,
                    ..text("Admin")
                },
                text(" then "),
                Span {
                    code: true,
                    ..text("Report suites")
                },
                text(". Save."),
            ]),
        ]
    );
}

#[test]
fn lists_nest_and_keep_their_order_kind() {
    let blocks = to_blocks("1. First\n2. Second\n   - inner\n\n> quoted\n");
    let Block::List { ordered, items } = &blocks[0] else {
        panic!("{blocks:?}")
    };
    assert!(ordered);
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].blocks, vec![p(vec![text("First")])]);
    assert!(
        matches!(&items[1].blocks[1], Block::List { ordered: false, items } if items.len() == 1)
    );
    assert_eq!(
        blocks[1],
        Block::Quote {
            blocks: vec![p(vec![text("quoted")])]
        }
    );
}

#[test]
fn fenced_code_keeps_its_text_and_language() {
    let blocks =
        to_blocks("```js\nadobe.target.getOffer({ mbox: \"home\" });\n```\n\n    indented <b>\n");
    assert_eq!(
        blocks,
        vec![
            Block::Code {
                language: Some("js".into()),
                text: "adobe.target.getOffer({ mbox: \"home\" });".into(),
            },
            Block::Code {
                language: None,
                text: "indented <b>".into(),
            },
        ]
    );
}

#[test]
fn only_web_links_stay_links() {
    let blocks = to_blocks(
        "[docs](https://example.com/docs) [bad](javascript:alert(1)) [rel](/help/x) <https://example.com/auto>",
    );
    let Block::Paragraph { spans } = &blocks[0] else {
        panic!("{blocks:?}")
    };
    let links: Vec<(&str, Option<&str>)> = spans
        .iter()
        .map(|s| (s.text.as_str(), s.href.as_deref()))
        .collect();
    assert_eq!(
        links,
        vec![
            ("docs", Some("https://example.com/docs")),
            (" bad rel ", None),
            ("https://example.com/auto", Some("https://example.com/auto")),
        ]
    );
}

#[test]
fn raw_html_and_images_arrive_as_plain_text_only() {
    let md = "<script>window.hacked = 1</script>\n\nSee <img src=x onerror=\"window.hacked=1\"> and ![a chart](javascript:alert(1)).\n\n<div onclick=\"x()\">block</div>\n";
    let blocks = to_blocks(md);
    assert_eq!(
        blocks,
        vec![
            p(vec![text("<script>window.hacked = 1</script>")]),
            p(vec![text(
                "See <img src=x onerror=\"window.hacked=1\"> and a chart."
            )]),
            p(vec![text("<div onclick=\"x()\">block</div>")]),
        ]
    );
    assert!(blocks.iter().all(
        |b| !matches!(b, Block::Paragraph { spans } if spans.iter().any(|s| s.href.is_some()))
    ));
}

#[test]
fn deep_nesting_is_flattened_at_the_limit() {
    let md = format!("{}deep\n", "> ".repeat(200));
    let blocks = to_blocks(&md);
    let mut depth = 0;
    let mut level = &blocks;
    while let Some(Block::Quote { blocks }) = level.first() {
        depth += 1;
        level = blocks;
    }
    assert_eq!(depth, MAX_DEPTH);
    assert_eq!(level, &vec![p(vec![text("deep")])]);
    let lists = format!(
        "{}item\n",
        (0..50)
            .map(|i| format!("{}- ", "  ".repeat(i)))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(!to_blocks(&lists).is_empty());
}

#[test]
fn the_plain_text_holds_every_word_once_a_line_per_block() {
    let blocks = to_blocks("# Título\n\nLa **segmentación** de [audiencias](https://example.com).\n\n- uno\n- dos\n\n```\ncódigo\n```");
    assert_eq!(
        plain_text(&blocks),
        "Título\nLa segmentación de audiencias.\nuno\ndos\ncódigo\n"
    );
}

#[test]
fn empty_or_blank_markdown_has_no_blocks() {
    assert!(to_blocks("").is_empty());
    assert!(to_blocks("   \n\n  ").is_empty());
}
