//! The OpenAPI 3.1 document, generated from the handlers and the contract types.

use utoipa::openapi::security::{ApiKey, ApiKeyValue, Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::OpenApi as Document;
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

use crate::routes::{self, responses};
use crate::state::AppState;

/// Where the committed document lives, relative to the workspace root.
pub const COMMITTED_PATH: &str = "contract/openapi.json";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Support Portal API",
        version = "1.0.0",
        description = "The HTTP contract between the Support Portal app and its backend. Every error is an \
            RFC 9457 problem (`application/problem+json`); clients branch on its `type`. Authentication is \
            the `sp_session` cookie set by `POST /api/v1/session`. State-changing requests from a foreign \
            `Origin` are refused (`urn:support-portal:problem:cross-origin`), and so are those without \
            `Origin` unless they carry `X-Requested-With` (any value) or `Authorization`: a client that is \
            not a browser sends `X-Requested-With`. A JSON request body over 1 MiB is \
            refused with 413 (`urn:support-portal:problem:validation`) before it is read.",
        license(name = "MIT")
    ),
    tags(
        (name = "session", description = "Signing in and out, who is signed in, and moving the session \
            to another of the person's organisations"),
        (name = "profile", description = "The signed-in user's preferences"),
        (name = "portal", description = "Public portal configuration"),
        (name = "support-users", description = "The organisation's support administrators and users: listing, \
            creating (with an invitation email), importing, changing roles, removing and reviewing"),
        (name = "audit-log", description = "The record of administrative changes to support users"),
        (name = "invitations", description = "Public: an invited support user chooses a password"),
        (name = "cases", description = "Support cases: filing, following, replying, closing, escalating"),
        (name = "attachments", description = "Files attached to cases and comments"),
        (name = "help", description = "Help articles"),
        (name = "history", description = "Service history: the organisation's cases, chats and callback \
            requests as one timeline, its summary and its CSV export (both support roles)"),
        (name = "chat", description = "Live chat with support: availability, the queue, messages (idempotent \
            by client id, numbered by `seq`), typing, ending, rating, transcripts, continuing as a case, and \
            each chat's live stream (a WebSocket at `/chats/{id}/stream` sending `ChatEvent` frames)"),
        (name = "callbacks", description = "Asking support to phone: open in every phase, each user sees their own \
            requests"),
        (name = "home", description = "The home page: what needs the signed-in user in one answer, and the \
            vendor's current announcements"),
        (name = "learning", description = "\"Get started\" learning material in the reader's language, and each \
            user's own completion of it"),
        (name = "agent", description = "The vendor's side of cases, chats and callback requests under \
            `/agent/v1`, for tests and the demo: bearer token from `--agent-token`; without one configured, \
            every agent path answers 404"),
        (name = "host", description = "What a host (the vendor's admin console, from its server) asks of the \
            portal: hand-off tokens that sign its already signed-in user in without a password (exchanged with \
            `POST /api/v1/session/handoff`). Bearer token from `--host-token`; without one configured, every \
            host path answers 404"),
        (name = "operations", description = "For operators and load balancers, outside `/api/v1` and without \
            a session: liveness (`/healthz`) and readiness (`/readyz`), never cached"),
    ),
    // The problem schemas are named by the reusable responses, which do not register them; the
    // stream's events are named by no response body (they travel over the WebSocket).
    components(schemas(
        support_contract::Problem,
        support_contract::FieldError,
        support_contract::chat::ChatEvent,
    ), responses(
        responses::Validation,
        responses::Unauthenticated,
        responses::InvalidCredentials,
        responses::TooManyAttempts,
        responses::InvalidHandoff,
        responses::TooManyHandoffs,
        responses::Forbidden,
        responses::NotFound,
        responses::Conflict,
        responses::PreconditionFailed,
        responses::PreconditionRequired,
        responses::UrgencyChangeTooSoon,
        responses::AttachmentTooLarge,
        responses::AttachmentTypeNotAllowed,
        responses::UploadQuotaExceeded,
        responses::UserConflict,
        responses::InvitationInvalid,
        responses::ImportTooLarge,
        responses::ChatUnavailable,
        responses::ChatConflict,
        responses::UpgradeRequired,
    )),
    modifiers(&SessionCookie)
)]
struct ApiDoc;

struct SessionCookie;

impl Modify for SessionCookie {
    fn modify(&self, doc: &mut Document) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session_cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::auth::COOKIE,
                "Set by `POST /api/v1/session`; HttpOnly, SameSite=Lax",
            ))),
        );
        components.add_security_scheme(
            "agent_token",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
        components.add_security_scheme(
            "host_token",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The API routes with their document: `/api/v1` (everything in [`routes::api`]), `/agent/v1`,
/// and the operators' probes `/healthz` and `/readyz`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .nest("/api/v1", routes::api())
        .nest("/agent/v1", routes::agent())
        .merge(routes::health::routes())
}

/// The document alone.
pub fn document() -> Document {
    router().into_openapi()
}

/// The document as committed: pretty JSON with a final newline.
pub fn json() -> String {
    let mut s = document()
        .to_pretty_json()
        .expect("the document serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_document_matches_the_code() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(COMMITTED_PATH);
        let generated = json();
        if std::env::var_os("UPDATE_OPENAPI").is_some() {
            std::fs::write(&path, &generated).unwrap();
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{COMMITTED_PATH} is out of date with the handlers and contract types.\n\
             Regenerate it with `UPDATE_OPENAPI=1 cargo test -p support-backend` and commit the result."
        );
    }

    #[test]
    fn every_route_is_documented_with_problem_responses() {
        let doc = document();
        assert!(doc.openapi == utoipa::openapi::OpenApiVersion::Version31);
        let paths: Vec<&String> = doc.paths.paths.keys().collect();
        for p in [
            "/api/v1/session",
            "/api/v1/session/handoff",
            "/api/v1/session/organisation",
            "/api/v1/host/handoff",
            "/api/v1/profile",
            "/api/v1/portal",
            "/api/v1/support-contacts",
            "/api/v1/support-users",
            "/api/v1/support-users/{id}",
            "/api/v1/support-users/import",
            "/api/v1/audit-log/export",
            "/api/v1/invitations/accept",
            "/api/v1/cases",
            "/api/v1/cases/{id}",
            "/api/v1/attachments",
            "/agent/v1/cases/{id}/comments",
            "/api/v1/chat/availability",
            "/api/v1/chats",
            "/api/v1/chats/{id}/messages",
            "/api/v1/chats/{id}/stream",
            "/agent/v1/chats/{id}/accept",
            "/api/v1/callbacks",
            "/agent/v1/callbacks",
            "/agent/v1/callbacks/{id}/done",
            "/api/v1/home",
            "/api/v1/announcements",
            "/api/v1/learning",
            "/api/v1/learning/{id}/done",
            "/agent/v1/announcements",
            "/healthz",
            "/readyz",
        ] {
            assert!(paths.iter().any(|k| *k == p), "{p} missing from {paths:?}");
        }
        let text = json();
        assert!(text.contains("application/problem+json"));
        assert!(text.contains("\"session_cookie\""));
        assert!(text.contains("\"host_token\""));
        let schemas = &doc.components.as_ref().unwrap().schemas;
        assert!(
            schemas.contains_key("ChatEvent"),
            "the stream's events are described"
        );
    }
}
