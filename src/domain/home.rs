//! Where the home page's counts lead: the lists that show what they count.

use super::with_query;
use support_contract::cases::{CaseQuery, CaseStatus};
use support_contract::query::ListQuery;
use support_contract::users::{StatusFilter, SupportUserQuery};

/// The user's own cases (the case list's default scope) in `statuses`.
pub fn cases_href(statuses: &[CaseStatus]) -> String {
    let query = CaseQuery {
        statuses: statuses.to_vec(),
        ..CaseQuery::default()
    };
    with_query("/cases", &query.to_pairs())
}

/// Every status of a case that is still open.
pub fn open_case_statuses() -> Vec<CaseStatus> {
    CaseStatus::ALL
        .into_iter()
        .filter(|s| *s != CaseStatus::Closed)
        .collect()
}

/// The support users whose invitation is not accepted yet.
pub fn invited_users_href() -> String {
    let query = SupportUserQuery {
        status: Some(StatusFilter::Invited),
        ..SupportUserQuery::default()
    };
    with_query("/support-users", &query.to_pairs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lead_to_the_lists_filtered_the_same_way() {
        assert_eq!(
            cases_href(&[CaseStatus::AwaitingYourReply]),
            "/cases?status=awaiting_your_reply"
        );
        assert_eq!(
            cases_href(&open_case_statuses()),
            "/cases?status=new%2Cin_progress%2Cawaiting_your_reply%2Cresolution_provided"
        );
        assert_eq!(invited_users_href(), "/support-users?status=invited");
    }
}
