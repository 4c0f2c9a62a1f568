//! Markdown to the contract's tree of blocks (`support_contract::help::Block`), and the plain
//! text of a tree for the search index (`plain`).
//!
//! Articles are written in CommonMark. Only what the tree can say is kept: headings,
//! paragraphs, lists, code, quotes, emphasis and links to `http(s)` addresses. Raw HTML stays
//! as the plain text it is (a reader sees `<script>` written out, nothing runs), an image
//! becomes its alternative text and any other link its text alone. Nesting deeper than
//! [`MAX_DEPTH`] is flattened, so no article can make a tree too deep to decode.

mod plain;

pub use plain::plain_text;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use support_contract::help::{is_web_link, Block, ListItem, Span};

/// The deepest nesting of quotes and lists kept; deeper ones join their parent.
pub const MAX_DEPTH: usize = 6;

/// A container being filled.
enum Frame {
    /// The article itself, a quote or a list item: a sequence of blocks.
    Blocks(Vec<Block>),
    Quote(Vec<Block>),
    Item(Vec<Block>),
    List {
        ordered: bool,
        items: Vec<ListItem>,
    },
}

/// Text being gathered into one block.
enum Open {
    Paragraph(Vec<Span>),
    Heading(u8, Vec<Span>),
    Code(Option<String>, String),
    /// Raw HTML, kept as text.
    Html(String),
}

#[derive(Default)]
struct Style {
    emphasis: usize,
    strong: usize,
    /// The links being inside of, innermost last; `None` for a link that is not kept.
    links: Vec<Option<String>>,
}

impl Style {
    fn span(&self, text: &str, code: bool) -> Span {
        Span {
            text: text.to_string(),
            emphasis: self.emphasis > 0,
            strong: self.strong > 0,
            code,
            href: self.links.last().cloned().flatten(),
        }
    }
}

struct Builder {
    frames: Vec<Frame>,
    /// For each quote, list and item started: whether it opened a frame (deep ones do not).
    opened: Vec<bool>,
    open: Option<Open>,
    style: Style,
}

/// The blocks of a Markdown text.
pub fn to_blocks(markdown: &str) -> Vec<Block> {
    let mut b = Builder {
        frames: vec![Frame::Blocks(Vec::new())],
        opened: Vec::new(),
        open: None,
        style: Style::default(),
    };
    for event in Parser::new_ext(markdown, Options::empty()) {
        b.event(event);
    }
    b.close_open();
    while b.frames.len() > 1 {
        b.close_frame();
    }
    match b.frames.pop() {
        Some(Frame::Blocks(blocks)) => blocks,
        _ => Vec::new(),
    }
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t, false),
            Event::Code(t) => self.text(&t, true),
            Event::Html(t) | Event::InlineHtml(t) => self.html(&t),
            Event::SoftBreak => self.text(" ", false),
            Event::HardBreak => self.text("\n", false),
            // Rules, and what the options leave off (math, footnotes, task lists), carry no text.
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {
                self.close_open();
                self.open = Some(Open::Paragraph(Vec::new()));
            }
            Tag::Heading { level, .. } => {
                self.close_open();
                self.open = Some(Open::Heading(level as u8, Vec::new()));
            }
            Tag::CodeBlock(kind) => {
                self.close_open();
                let language = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split_whitespace()
                        .next()
                        .filter(|l| !l.is_empty())
                        .map(str::to_string),
                    CodeBlockKind::Indented => None,
                };
                self.open = Some(Open::Code(language, String::new()));
            }
            Tag::HtmlBlock => {
                self.close_open();
                self.open = Some(Open::Html(String::new()));
            }
            Tag::BlockQuote(_) => self.push_frame(Frame::Quote(Vec::new())),
            Tag::List(start) => self.push_frame(Frame::List {
                ordered: start.is_some(),
                items: Vec::new(),
            }),
            Tag::Item => {
                if matches!(self.frames.last(), Some(Frame::List { .. })) {
                    self.push_frame(Frame::Item(Vec::new()));
                } else {
                    self.opened.push(false);
                }
            }
            Tag::Emphasis => self.style.emphasis += 1,
            Tag::Strong => self.style.strong += 1,
            Tag::Link { dest_url, .. } => {
                let kept = is_web_link(&dest_url).then(|| dest_url.trim().to_string());
                self.style.links.push(kept);
            }
            // An image's alternative text arrives as text inside it: kept as plain text.
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                self.close_open()
            }
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item => {
                self.close_open();
                if self.opened.pop() == Some(true) {
                    self.close_frame();
                }
            }
            TagEnd::Emphasis => self.style.emphasis = self.style.emphasis.saturating_sub(1),
            TagEnd::Strong => self.style.strong = self.style.strong.saturating_sub(1),
            TagEnd::Link => {
                self.style.links.pop();
            }
            _ => {}
        }
    }

    /// Opens a quote, list or item, unless that would nest deeper than [`MAX_DEPTH`].
    fn push_frame(&mut self, frame: Frame) {
        self.close_open();
        let depth = self
            .frames
            .iter()
            .filter(|f| matches!(f, Frame::Quote(_) | Frame::List { .. }))
            .count();
        let deeper = matches!(frame, Frame::Quote(_) | Frame::List { .. });
        if deeper && depth >= MAX_DEPTH {
            self.opened.push(false);
        } else {
            self.frames.push(frame);
            self.opened.push(true);
        }
    }

    /// Closes the innermost frame into its parent.
    fn close_frame(&mut self) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        match frame {
            Frame::Quote(blocks) => self.add(Block::Quote { blocks }),
            Frame::List { ordered, items } => self.add(Block::List { ordered, items }),
            Frame::Item(blocks) => match self.frames.last_mut() {
                Some(Frame::List { items, .. }) => items.push(ListItem { blocks }),
                _ => blocks.into_iter().for_each(|b| self.add(b)),
            },
            Frame::Blocks(blocks) => blocks.into_iter().for_each(|b| self.add(b)),
        }
    }

    /// Adds a finished block to the innermost container.
    fn add(&mut self, block: Block) {
        match self.frames.last_mut() {
            Some(Frame::Blocks(blocks) | Frame::Quote(blocks) | Frame::Item(blocks)) => {
                blocks.push(block)
            }
            // A list holds items only; a block straight inside one gets an item of its own.
            Some(Frame::List { items, .. }) => items.push(ListItem {
                blocks: vec![block],
            }),
            None => self.frames.push(Frame::Blocks(vec![block])),
        }
    }

    fn text(&mut self, text: &str, code: bool) {
        match &mut self.open {
            Some(Open::Code(_, buf) | Open::Html(buf)) => buf.push_str(text),
            Some(Open::Paragraph(spans) | Open::Heading(_, spans)) => {
                push_span(spans, self.style.span(text, code))
            }
            // Text straight inside a tight list item: a paragraph of its own.
            None => {
                let mut spans = Vec::new();
                push_span(&mut spans, self.style.span(text, code));
                self.open = Some(Open::Paragraph(spans));
            }
        }
    }

    fn html(&mut self, html: &str) {
        self.text(html, false);
    }

    fn close_open(&mut self) {
        let block = match self.open.take() {
            None => return,
            Some(Open::Paragraph(spans)) => trimmed(spans).map(|spans| Block::Paragraph { spans }),
            Some(Open::Heading(level, spans)) => {
                trimmed(spans).map(|spans| Block::Heading { level, spans })
            }
            Some(Open::Code(language, text)) => Some(Block::Code {
                language,
                text: text.trim_end_matches('\n').to_string(),
            }),
            Some(Open::Html(text)) => {
                let text = text.trim();
                (!text.is_empty()).then(|| Block::Paragraph {
                    spans: vec![Span::plain(text)],
                })
            }
        };
        if let Some(block) = block {
            self.add(block);
        }
    }
}

/// Appends a span, merged into the previous one when they look the same.
fn push_span(spans: &mut Vec<Span>, span: Span) {
    if span.text.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.same_style(&span) => last.text.push_str(&span.text),
        _ => spans.push(span),
    }
}

/// The spans without leading and trailing blanks; `None` when nothing is left.
fn trimmed(mut spans: Vec<Span>) -> Option<Vec<Span>> {
    if let Some(first) = spans.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = spans.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    spans.retain(|s| !s.text.is_empty());
    (!spans.is_empty()).then_some(spans)
}

#[cfg(test)]
mod tests;
