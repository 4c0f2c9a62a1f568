//! The query parameters of the help routes: the reader's language and the search.

use support_contract::help::HelpQuery;
use support_contract::query::{Paged, QueryReader};
use support_contract::{FieldError, Locale};

use crate::auth::CurrentUser;
use crate::problem::ApiError;
use crate::routes::query::{cursor, encode_cursor, language};

/// Page size of a search when the client does not ask for one.
pub const DEFAULT_LIMIT: u32 = 20;
/// The largest page of a search.
pub const MAX_LIMIT: u32 = 50;

/// A checked search: its query, language, page size and offset.
pub struct SearchParams {
    pub query: HelpQuery,
    pub language: Locale,
    pub limit: u32,
    pub offset: u32,
}

/// A search page's cursor: the offset of its first result.
type Cursor = (String, u32);
const CURSOR_KIND: &str = "offset";

/// The cursor of the page that starts at `offset`.
pub fn cursor_at(offset: u32) -> String {
    encode_cursor(&(CURSOR_KIND, offset))
}

/// Reads `q`, `product`, `lang`, `limit` and `cursor`; answers 400 naming every bad one.
pub fn search_params(
    pairs: &[(String, String)],
    user: &CurrentUser,
) -> Result<SearchParams, ApiError> {
    let mut reader = QueryReader::new(pairs);
    let Paged {
        query,
        cursor: given,
    } = Paged::<HelpQuery>::read(&mut reader);
    let language = language(&mut reader, user.user.locale);
    let limit = reader.limit(DEFAULT_LIMIT, MAX_LIMIT);
    let mut errors: Vec<FieldError> = reader.finish();
    let offset =
        cursor::<Cursor>(given.as_deref(), |c| c.0 == CURSOR_KIND, &mut errors).map_or(0, |c| c.1);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    Ok(SearchParams {
        query,
        language,
        limit,
        offset,
    })
}
