//! Help topics and forums (every signed-in user, `browse_help`): the help page searches the
//! articles as the user types, with a product filter and popular forum threads, its search in
//! the URL; an article's page shows its body (drawn from the contract's blocks, text only),
//! related articles and "Was this helpful?".
//!
//! One file per part: `search` (the page and its search box), `results` (the keyed list of
//! articles and what it says about itself), `forums`, `article` (the article page), `blocks`
//! (an article's body) and `vote`.

mod article;
mod blocks;
mod forums;
mod results;
mod search;
mod vote;

pub use article::HelpArticlePage;
pub use blocks::ArticleBody;
pub use search::HelpPage;
