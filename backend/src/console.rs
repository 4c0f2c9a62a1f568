//! The demo console (with `--demo`): an imitation of the vendor's admin console that hosts the
//! portal as a real console would, under `/console/`. Its "server side" is here: a console
//! sign-in of its own (pick a demo user: the console's users are the portal's, by email), and
//! on each page a hand-off token for that user (minted as `POST /host/handoff` mints them),
//! which the page's script passes to the portal. Its pages and script are `backend/console/`.
//!
//! - `/console/support/…`: the portal mounted in the console's document (`SupportPortal.mount`)
//!   under `/console/support`;
//! - `/console/framed/…`: the portal in an iframe (`/embed/…`), driven by postMessage;
//! - `/console/devices/`: a console page that is not the portal, with the chat widget for host
//!   pages (`/chat-loader.js`), which asks `POST /console/handoff` for a hand-off token when it
//!   starts (a token minted with the page would expire before the first click).

use axum::extract::{Form, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;

use crate::seed;
use crate::state::AppState;
use crate::store::sessions;

const PAGE: &str = include_str!("../console/console.html");
const SCRIPT: &str = include_str!("../console/console.js");
const STYLE: &str = include_str!("../console/console.css");
/// The console's own cookie: which demo user is signed in to the console (not the portal).
const COOKIE: &str = "sp_console";

/// The console's routes; the app serves them only with `--demo`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/console",
            get(|| async { Redirect::to("/console/support/") }),
        )
        .route(
            "/console/",
            get(|| async { Redirect::to("/console/support/") }),
        )
        .route(
            "/console/console.js",
            get(|| asset(SCRIPT, "text/javascript")),
        )
        .route("/console/console.css", get(|| asset(STYLE, "text/css")))
        .route("/console/sign-in", get(sign_in_page).post(sign_in))
        .route("/console/sign-out", post(sign_out))
        .route("/console/support", get(support))
        .route("/console/support/", get(support))
        .route("/console/support/{*rest}", get(support))
        .route("/console/framed", get(framed))
        .route("/console/framed/", get(framed))
        .route("/console/framed/{*rest}", get(framed))
        .route("/console/devices/", get(devices))
        .route("/console/handoff", post(handoff))
}

async fn asset(body: &'static str, kind: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(kind)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

/// The console page around `main`; `user` is the signed-in console user's email (empty on the
/// console's sign-in page), `organisations` their organisation select (empty unless they are
/// in several).
fn page(
    title: &str,
    name: &str,
    (user, organisations): (&str, &str),
    handoff: &str,
    main: &str,
) -> Response {
    let html = PAGE
        .replace("{{title}}", &escape(title))
        .replace("{{page}}", name)
        .replace("{{user}}", &escape(user))
        .replace("{{organisations}}", organisations)
        .replace("{{handoff}}", handoff)
        .replace("{{main}}", main);
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            // The page carries a hand-off token: no cache may keep it.
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        html,
    )
        .into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The console's organisation select for a person in several organisations (the console's own
/// switcher, which the script hands to the portal), the organisation of `user_id` selected;
/// empty for a person in one.
fn organisation_select(state: &AppState, email: &str, user_id: &str) -> String {
    let accounts = sessions::accounts_of(&state.db.conn(), email).unwrap_or_default();
    if accounts.len() < 2 {
        return String::new();
    }
    let options: String = accounts
        .iter()
        .map(|(id, o)| {
            let selected = if id == user_id { " selected" } else { "" };
            format!(
                "<option value=\"{}\"{selected}>{}</option>",
                escape(&o.id),
                escape(&o.name)
            )
        })
        .collect();
    format!(
        "<label class=\"console-control\"><span data-text=\"organisation\">Organisation</span>\
         <select id=\"console-organisation\">{options}</select></label>"
    )
}

/// The demo user signed in to the console, if any (and still an active user).
fn console_user(state: &AppState, headers: &HeaderMap) -> Option<(String, String)> {
    let email = crate::auth::cookie(headers, COOKIE).map(|e| {
        percent_encoding::percent_decode_str(&e)
            .decode_utf8_lossy()
            .to_string()
    })?;
    let user_id = sessions::active_user_id(&state.db.conn(), &email).ok()??;
    Some((email, user_id))
}

async fn sign_in_page() -> Response {
    let users: String = seed::demo_accounts()
        .into_iter()
        .map(|(email, role)| {
            format!(
                "<li><form method=\"post\" action=\"/console/sign-in\" \
                 data-next=\"/console/support/\"><input type=\"hidden\" \
                 name=\"email\" value=\"{e}\"><button type=\"submit\">{e}</button> {r}</form></li>",
                e = escape(email),
                r = escape(&role)
            )
        })
        .collect();
    let main = format!(
        "<div class=\"console-signin\"><h1 data-text=\"choose\">Sign in to the console as</h1>\
         <ul>{users}</ul></div>"
    );
    page("Sign in", "sign-in", ("", ""), "", &main)
}

#[derive(Deserialize)]
struct SignInForm {
    email: String,
}

async fn sign_in(State(state): State<AppState>, Form(form): Form<SignInForm>) -> Response {
    let email = form.email.trim().to_lowercase();
    if !matches!(
        sessions::active_user_id(&state.db.conn(), &email),
        Ok(Some(_))
    ) {
        return Redirect::to("/console/sign-in").into_response();
    }
    let value: String =
        percent_encoding::utf8_percent_encode(&email, percent_encoding::NON_ALPHANUMERIC)
            .to_string();
    let cookie = format!("{COOKIE}={value}; HttpOnly; SameSite=Lax; Path=/console");
    (
        [(header::SET_COOKIE, cookie)],
        Redirect::to("/console/support/"),
    )
        .into_response()
}

async fn sign_out() -> Response {
    let cookie = format!("{COOKIE}=; HttpOnly; SameSite=Lax; Path=/console; Max-Age=0");
    (
        [(header::SET_COOKIE, cookie)],
        Redirect::to("/console/sign-in"),
    )
        .into_response()
}

/// What the pages with the portal start with: the breadcrumb the portal's `navigated` fills,
/// and the note `session-ended` fills.
const CRUMB: &str = "<p class=\"console-crumb\"><span data-text=\"nav-support\">Support</span> › \
     <span id=\"console-crumb\"></span></p>\
     <p id=\"console-note\" class=\"console-note\" role=\"status\"></p>";

/// A console page around `main` for the console's signed-in user (else its sign-in); a page
/// `with_portal` carries a hand-off token for them, minted as `POST /host/handoff` mints them.
fn console_page(
    state: &AppState,
    headers: &HeaderMap,
    (title, name): (&str, &str),
    main: &str,
    with_portal: bool,
) -> Response {
    let Some((email, user_id)) = console_user(state, headers) else {
        return Redirect::to("/console/sign-in").into_response();
    };
    let token = match with_portal {
        false => String::new(),
        true => match state.mint_handoff(&user_id) {
            Ok(token) => token,
            Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
        },
    };
    let organisations = organisation_select(state, &email, &user_id);
    page(title, name, (&email, &organisations), &token, main)
}

/// A console page with the portal: `main` after the breadcrumb.
fn with_portal(state: &AppState, headers: &HeaderMap, name: &str, main: &str) -> Response {
    let main = format!("{CRUMB}{main}");
    console_page(state, headers, ("Support", name), &main, true)
}

/// The portal in the console's document; every path below `/console/support/` is the
/// portal's (deep links), so the console serves the same page for all of them.
async fn support(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let main = "<div id=\"portal\" data-base-path=\"/console/support\"></div>";
    with_portal(&state, &headers, "support", main)
}

/// The portal in an iframe: `/console/framed/cases?status=open` frames `/embed/cases?status=open`.
async fn framed(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Response {
    let inner = uri
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("")
        .trim_start_matches("/console/framed");
    let inner = inner.trim_start_matches('/');
    let main = format!(
        "<iframe id=\"portal-frame\" class=\"console-frame\" title=\"Support\" \
         data-label=\"nav-support\" src=\"/embed/{}\"></iframe>",
        escape(inner)
    );
    with_portal(&state, &headers, "framed", &main)
}

/// A console page that is not the portal, with the chat launcher.
async fn devices(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let main = "<div class=\"console-page\"><h1 data-text=\"nav-devices\">Devices</h1>\
         <p data-text=\"devices-lead\">The console's own page: the devices of your organisation \
         would be listed here.</p></div>\
         <script src=\"/chat-loader.js\" data-handoff-url=\"/console/handoff\" defer></script>";
    console_page(&state, &headers, ("Devices", "devices"), main, false)
}

/// A fresh hand-off token for the console's signed-in user, as the console's server would
/// mint one for the chat widget (`data-handoff-url`); 401 without a console user.
async fn handoff(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some((_, user_id)) = console_user(&state, &headers) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    match state.mint_handoff(&user_id) {
        Ok(token) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("text/plain")),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
            token,
        )
            .into_response(),
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}
