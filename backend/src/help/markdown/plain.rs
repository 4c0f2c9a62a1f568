//! The plain text of a tree of blocks: what the search index holds of an article's body.

use support_contract::help::Block;

/// The words of a tree, one block a line: what the search index holds of an article's body.
pub fn plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    collect_text(blocks, &mut out);
    out
}

fn collect_text(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Heading { spans, .. } | Block::Paragraph { spans } => {
                for s in spans {
                    out.push_str(&s.text);
                }
                out.push('\n');
            }
            Block::Code { text, .. } => {
                out.push_str(text);
                out.push('\n');
            }
            Block::List { items, .. } => {
                for item in items {
                    collect_text(&item.blocks, out);
                }
            }
            Block::Quote { blocks } => collect_text(blocks, out),
            Block::Unknown => {}
        }
    }
}
