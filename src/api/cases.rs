//! The cases area: the list, a case and its thread, filing, replies and changes.

use super::core::{segment, Http};
use super::ApiFuture;
use support_contract::cases::{
    CallRequest, Case, CaseQuery, CaseSummary, NewCase, NewComment, SimilarCase, ThreadEntry,
    UrgencyChange,
};
use support_contract::query::Paged;
use support_contract::query::AFTER;
use support_contract::wire::wire_name;
use support_contract::{Page, Product};

/// What the app asks of the backend about support cases.
pub trait CasesApi: Send + Sync {
    /// `GET /cases`, one page of a view.
    fn list_cases(&self, page: Paged<CaseQuery>) -> ApiFuture<Page<CaseSummary>>;
    /// `GET /cases/{id}`.
    fn case(&self, id: String) -> ApiFuture<Case>;
    /// `GET /cases/{id}/thread`, the entries after `after` (all when `None`).
    fn case_thread(&self, id: String, after: Option<i64>) -> ApiFuture<Vec<ThreadEntry>>;
    /// `POST /cases`; the same `idempotency_key` never files a second case.
    fn file_case(&self, case: NewCase, idempotency_key: String) -> ApiFuture<Case>;
    /// `POST /cases/{id}/comments`; the same `idempotency_key` never posts a second reply.
    fn comment(
        &self,
        id: String,
        comment: NewComment,
        idempotency_key: String,
    ) -> ApiFuture<ThreadEntry>;
    /// `POST /cases/{id}/close`, refused with `Conflict` when the case changed since `version`.
    fn close_case(&self, id: String, version: i64) -> ApiFuture<Case>;
    /// `POST /cases/{id}/reopen`, refused with `Conflict` when the case changed since `version`.
    fn reopen_case(&self, id: String, version: i64) -> ApiFuture<Case>;
    /// `POST /cases/{id}/urgency`.
    fn request_urgency(&self, id: String, version: i64, change: UrgencyChange) -> ApiFuture<Case>;
    /// `POST /cases/{id}/call-requests`.
    fn request_call(&self, id: String, request: CallRequest) -> ApiFuture<ThreadEntry>;
    /// `GET /cases/similar`: the organisation's open cases of `product` that look like `text`.
    fn similar_cases(&self, product: Product, text: String) -> ApiFuture<Vec<SimilarCase>>;
    /// `PUT /cases/{id}/watchers/me`: the user follows the case as a watcher.
    fn follow_case(&self, id: String) -> ApiFuture<()>;
}

/// The path of one case, or of one of its sub-resources (`tail` starts with `/` or is empty).
fn case_path(id: &str, tail: &str) -> String {
    format!("/cases/{}{tail}", segment(id))
}

impl CasesApi for Http {
    fn list_cases(&self, page: Paged<CaseQuery>) -> ApiFuture<Page<CaseSummary>> {
        self.get_with("/cases", &page.to_pairs()).fetch()
    }

    fn case(&self, id: String) -> ApiFuture<Case> {
        self.get(&case_path(&id, "")).fetch()
    }

    fn case_thread(&self, id: String, after: Option<i64>) -> ApiFuture<Vec<ThreadEntry>> {
        let after: Vec<(&str, String)> =
            after.map(|a| (AFTER, a.to_string())).into_iter().collect();
        self.get_with(&case_path(&id, "/thread"), &after).fetch()
    }

    fn file_case(&self, case: NewCase, idempotency_key: String) -> ApiFuture<Case> {
        self.post("/cases")
            .once_per(idempotency_key)
            .json(&case)
            .fetch()
    }

    fn comment(
        &self,
        id: String,
        comment: NewComment,
        idempotency_key: String,
    ) -> ApiFuture<ThreadEntry> {
        self.post(&case_path(&id, "/comments"))
            .once_per(idempotency_key)
            .json(&comment)
            .fetch()
    }

    fn close_case(&self, id: String, version: i64) -> ApiFuture<Case> {
        self.post(&case_path(&id, "/close"))
            .if_match(version)
            .json(&())
            .fetch()
    }

    fn reopen_case(&self, id: String, version: i64) -> ApiFuture<Case> {
        self.post(&case_path(&id, "/reopen"))
            .if_match(version)
            .json(&())
            .fetch()
    }

    fn request_urgency(&self, id: String, version: i64, change: UrgencyChange) -> ApiFuture<Case> {
        self.post(&case_path(&id, "/urgency"))
            .if_match(version)
            .json(&change)
            .fetch()
    }

    fn request_call(&self, id: String, request: CallRequest) -> ApiFuture<ThreadEntry> {
        self.post(&case_path(&id, "/call-requests"))
            .json(&request)
            .fetch()
    }

    fn similar_cases(&self, product: Product, text: String) -> ApiFuture<Vec<SimilarCase>> {
        let params = [("product", wire_name(&product).to_string()), ("text", text)];
        self.get_with("/cases/similar", &params).fetch()
    }

    fn follow_case(&self, id: String) -> ApiFuture<()> {
        self.put(&case_path(&id, "/watchers/me")).send()
    }
}
