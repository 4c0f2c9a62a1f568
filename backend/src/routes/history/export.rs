//! `GET /history/export`: the filtered history as a CSV file, streamed a slice at a time so an
//! organisation's whole history never sits in memory.

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use support_contract::history::HistorySort;
use support_contract::query::{QueryReader, Separator};
use support_contract::Locale;

use super::params::{read, HistoryFilters};
use crate::auth::{RequireCapability, ViewHistory};
use crate::clock;
use crate::csv;
use crate::extract::ApiQuery;
use crate::history;
use crate::problem::{valid, ApiError};
use crate::routes::query::{language, separator};
use crate::routes::responses::InputRefusals;
use crate::state::AppState;
use crate::store::history::{self as store, HistoryFilter};

/// Rows read from the database per slice of the stream.
const SLICE: u32 = 500;

/// What the stream still has to send.
struct Slices {
    state: AppState,
    org_id: String,
    filter: HistoryFilter,
    locale: Locale,
    separator: char,
    now: i64,
    /// The header goes first, with the byte-order mark.
    started: bool,
    done: bool,
}

impl Slices {
    /// The next slice of the file, or `None` at its end.
    fn next(&mut self) -> Option<std::io::Result<Bytes>> {
        if self.done {
            return None;
        }
        let mut out = String::new();
        if !self.started {
            self.started = true;
            out.push_str(csv::BOM);
            csv::row(
                &mut out,
                &history::export_header(self.locale),
                self.separator,
            );
        }
        let rows = match store::list(&self.state.db.conn(), &self.org_id, &self.filter, SLICE) {
            Ok(rows) => rows,
            Err(e) => {
                // The status line is gone already: the client sees a cut-off download.
                crate::log_line!("history export failed: {e}");
                self.done = true;
                return Some(Err(std::io::Error::other(e.to_string())));
            }
        };
        self.done = rows.len() < SLICE as usize;
        self.filter.after = rows.last().map(store::key_of);
        for row in &rows {
            csv::row(
                &mut out,
                &history::export_cells(row, self.locale, self.now),
                self.separator,
            );
        }
        Some(Ok(Bytes::from(out)))
    }
}

/// The filtered history as CSV: UTF-8 with a byte-order mark, RFC 4180 quoting, headers and
/// words in the user's language (`lang`, else the profile's), `;` between cells for French and
/// Spanish spreadsheets unless `separator` says otherwise, and cells a spreadsheet would run as
/// a formula (`=`, `+`, `-`, `@`, tab, CR) starting with `'`. Sent as it is read, in the list's
/// order; `X-Row-Count` says how many rows follow the header.
#[utoipa::path(
    get,
    path = "/history/export",
    tag = "history",
    security(("session_cookie" = [])),
    params(
        HistoryFilters,
        ("sort" = Option<HistorySort>, Query, description = "Order of the rows (default opened_desc)"),
        ("lang" = Option<String>, Query, description = "`en`, `fr` or `es`: the language of the headers and words (default: the profile's)"),
        ("separator" = Option<String>, Query, description = "`comma` or `semicolon` (default: semicolon for French and Spanish, comma otherwise)"),
    ),
    responses(
        (status = 200, description = "The interactions as CSV: kind, reference, title or topic, product, channel, priority, status, requester, opened, first response, target met, closed",
            content_type = "text/csv", body = String,
            headers(
                ("Content-Disposition" = String, description = "`attachment; filename=\"service-history.csv\"`"),
                ("X-Row-Count" = u64, description = "How many rows follow the header"),
            )),
        InputRefusals,
    )
)]
pub async fn export_history(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ViewHistory>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    let now = clock::now();
    let (filter, _, mut errors) = read(&pairs, None, now);
    let mut reader = QueryReader::new(&pairs);
    let locale = language(&mut reader, user.user.locale);
    let separator = separator(&mut reader, Separator::of(locale != Locale::En));
    errors.extend(reader.finish());
    valid(errors)?;
    let org_id = user.organisation.id.clone();
    let (open, awaiting, closed) = store::standings(&state.db.conn(), &org_id, &filter)?;
    let mut slices = Slices {
        state,
        org_id,
        filter,
        locale,
        separator,
        now,
        started: false,
        done: false,
    };
    let body = Body::from_stream(stream::iter(std::iter::from_fn(move || slices.next())));
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"service-history.csv\"".to_string(),
            ),
            (
                header::HeaderName::from_static("x-row-count"),
                (open + awaiting + closed).to_string(),
            ),
        ],
        body,
    )
        .into_response())
}
