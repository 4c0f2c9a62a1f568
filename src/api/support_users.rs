//! The support-user administration area: the list, a user, changes, reviews, import and the
//! audit log.

use super::core::{segment, Http};
use super::ApiFuture;
use leptos::prelude::Callback;
use support_contract::query::{ListQuery, Paged, Separator, SEPARATOR};
use support_contract::users::{
    AuditEntry, AuditQuery, ImportReport, NewSupportUser, ReviewRecord, ReviewRequest, RoleChange,
    SupportUserCounts, SupportUserQuery,
};
use support_contract::wire::wire_name;
use support_contract::{Page, Role, SupportUser};

/// What the app asks of the backend to administer the organisation's support users.
pub trait SupportUsersApi: Send + Sync {
    /// `GET /support-users`, one page.
    fn support_users(&self, page: Paged<SupportUserQuery>) -> ApiFuture<Page<SupportUser>>;
    /// `GET /support-users/counts`.
    fn support_user_counts(&self) -> ApiFuture<SupportUserCounts>;
    /// `GET /support-users/{id}`.
    fn support_user(&self, id: String) -> ApiFuture<SupportUser>;
    /// `GET /support-users/{id}/reviews`, newest first.
    fn support_user_reviews(&self, id: String) -> ApiFuture<Vec<ReviewRecord>>;
    /// `POST /support-users`: the backend sends the invitation. The same `idempotency_key`
    /// answers the user it made instead of making (and inviting) another.
    fn create_support_user(
        &self,
        user: NewSupportUser,
        idempotency_key: String,
    ) -> ApiFuture<SupportUser>;
    /// `PUT /support-users/{id}/role` with `If-Match`.
    fn change_role(&self, id: String, version: i64, role: Role) -> ApiFuture<SupportUser>;
    /// `DELETE /support-users/{id}` with `If-Match`.
    fn remove_support_user(&self, id: String, version: i64) -> ApiFuture<SupportUser>;
    /// `POST /support-users/reviews`: one decision for several users, all or nothing.
    fn review_support_users(&self, request: ReviewRequest) -> ApiFuture<Vec<SupportUser>>;
    /// `POST /support-users/import`: a CSV file, checked only (`dry_run`) or imported.
    fn import_support_users(
        &self,
        file: web_sys::File,
        dry_run: bool,
        progress: Callback<f64>,
    ) -> ApiFuture<ImportReport>;
    /// `GET /audit-log`, one page.
    fn audit_log(&self, page: Paged<AuditQuery>) -> ApiFuture<Page<AuditEntry>>;
    /// The address of `GET /audit-log/export` for a download link: every page of the view.
    fn audit_log_export_url(&self, query: &AuditQuery, semicolon: bool) -> String;
}

/// The path of one support user, or of one of its sub-resources.
fn user_path(id: &str, tail: &str) -> String {
    format!("/support-users/{}{tail}", segment(id))
}

impl SupportUsersApi for Http {
    fn support_users(&self, page: Paged<SupportUserQuery>) -> ApiFuture<Page<SupportUser>> {
        self.get_with("/support-users", &page.to_pairs()).fetch()
    }

    fn support_user_counts(&self) -> ApiFuture<SupportUserCounts> {
        self.get("/support-users/counts").fetch()
    }

    fn support_user(&self, id: String) -> ApiFuture<SupportUser> {
        self.get(&user_path(&id, "")).fetch()
    }

    fn support_user_reviews(&self, id: String) -> ApiFuture<Vec<ReviewRecord>> {
        self.get(&user_path(&id, "/reviews")).fetch()
    }

    fn create_support_user(
        &self,
        user: NewSupportUser,
        idempotency_key: String,
    ) -> ApiFuture<SupportUser> {
        self.post("/support-users")
            .once_per(idempotency_key)
            .json(&user)
            .fetch()
    }

    fn change_role(&self, id: String, version: i64, role: Role) -> ApiFuture<SupportUser> {
        self.put(&user_path(&id, "/role"))
            .if_match(version)
            .json(&RoleChange { role })
            .fetch()
    }

    fn remove_support_user(&self, id: String, version: i64) -> ApiFuture<SupportUser> {
        self.delete(&user_path(&id, "")).if_match(version).fetch()
    }

    fn review_support_users(&self, request: ReviewRequest) -> ApiFuture<Vec<SupportUser>> {
        self.post("/support-users/reviews").json(&request).fetch()
    }

    fn import_support_users(
        &self,
        file: web_sys::File,
        dry_run: bool,
        progress: Callback<f64>,
    ) -> ApiFuture<ImportReport> {
        self.post(&format!("/support-users/import?dry_run={dry_run}"))
            .header("Content-Type", "text/csv".into())
            .upload(file, progress)
    }

    fn audit_log(&self, page: Paged<AuditQuery>) -> ApiFuture<Page<AuditEntry>> {
        self.get_with("/audit-log", &page.to_pairs()).fetch()
    }

    fn audit_log_export_url(&self, query: &AuditQuery, semicolon: bool) -> String {
        let mut params = query.to_pairs();
        if semicolon {
            params.push((SEPARATOR, wire_name(&Separator::Semicolon).into()));
        }
        self.url(&crate::domain::with_query("/audit-log/export", &params))
    }
}
