//! The role table, checked against the contract.

use std::collections::BTreeMap;

use support_contract::Capability::{self, *};

use super::*;

/// Who may call an operation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in user, whatever their role.
    SignedIn,
    /// A signed-in user whose role grants the capability.
    Needs(Capability),
    /// The vendor's agent API: `Authorization: Bearer <agent token>`.
    AgentBearer,
    /// The host's hand-off: `Authorization: Bearer <host token>`.
    HostBearer,
}

pub(super) use Access::*;

impl Access {
    /// The bearer token of the matrix's backend that an operation of this access takes, if any.
    pub(super) fn bearer(self) -> Option<&'static str> {
        match self {
            AgentBearer => Some(AGENT_TOKEN),
            HostBearer => Some(HOST_TOKEN),
            _ => None,
        }
    }
}

/// THE role table: every operation of `contract/openapi.json`, by operation id, with who may
/// call it (PRODUCT.md's roles through `support_contract::capabilities_of`, as the handlers'
/// `RequireCapability<..>` extractors enforce them). Listed in the order the allowed calls run,
/// so that an operation that ends something (a chat, a case, a user, the session) comes after
/// the ones that need it alive.
pub(super) const TABLE: &[(&str, Access)] = &[
    ("healthz", Public),
    ("readyz", Public),
    ("get_portal", Public),
    ("sign_in", Public),
    ("handoff_session", Public),
    ("inspect_invitation", Public),
    ("accept_invitation", Public),
    ("get_session", SignedIn),
    ("update_profile", SignedIn),
    ("switch_organisation", SignedIn),
    ("support_contacts", SignedIn),
    ("home_summary", SignedIn),
    ("announcements", SignedIn),
    ("search_articles", Needs(BrowseHelp)),
    ("get_article", Needs(BrowseHelp)),
    ("vote_on_article", Needs(BrowseHelp)),
    ("forum_threads", Needs(BrowseHelp)),
    ("help_suggestions", Needs(BrowseHelp)),
    ("learning", Needs(BrowseHelp)),
    ("mark_learning_done", Needs(BrowseHelp)),
    ("mark_learning_not_done", Needs(BrowseHelp)),
    ("list_cases", Needs(ManageCases)),
    ("similar_cases", Needs(ManageCases)),
    ("organisation_members", Needs(ManageCases)),
    ("upload_attachment", Needs(ManageCases)),
    ("download_attachment", Needs(ManageCases)),
    ("create_case", Needs(ManageCases)),
    ("get_case", Needs(ManageCases)),
    ("get_thread", Needs(ManageCases)),
    ("add_comment", Needs(ManageCases)),
    ("request_call", Needs(ManageCases)),
    ("change_urgency", Needs(ManageCases)),
    ("follow_case", Needs(ManageCases)),
    ("close_case", Needs(ManageCases)),
    ("reopen_case", Needs(ManageCases)),
    ("list_callbacks", Needs(ManageCases)),
    ("request_callback", Needs(ManageCases)),
    ("chat_availability", Needs(Chat)),
    ("list_chats", Needs(Chat)),
    ("get_chat", Needs(Chat)),
    ("chat_messages", Needs(Chat)),
    ("send_chat_message", Needs(Chat)),
    ("chat_typing", Needs(Chat)),
    ("chat_stream", Needs(Chat)),
    ("chat_transcript", Needs(Chat)),
    ("end_chat", Needs(Chat)),
    ("rate_chat", Needs(Chat)),
    ("continue_as_case", Needs(Chat)),
    ("start_chat", Needs(Chat)),
    ("list_history", Needs(ViewHistory)),
    ("history_summary", Needs(ViewHistory)),
    ("export_history", Needs(ViewHistory)),
    ("support_users", Needs(ManageUsers)),
    ("support_user_counts", Needs(ManageUsers)),
    ("get_support_user", Needs(ManageUsers)),
    ("support_user_reviews", Needs(ReviewUsers)),
    ("review_support_users", Needs(ReviewUsers)),
    ("change_role", Needs(ManageUsers)),
    ("create_support_user", Needs(ManageUsers)),
    ("import_support_users", Needs(ManageUsers)),
    ("audit_log", Needs(ManageUsers)),
    ("export_audit_log", Needs(ManageUsers)),
    ("remove_support_user", Needs(ManageUsers)),
    ("host_handoff", HostBearer),
    ("agent_announce", AgentBearer),
    ("agent_chats", AgentBearer),
    ("agent_accept_chat", AgentBearer),
    ("agent_chat_messages", AgentBearer),
    ("agent_chat_message", AgentBearer),
    ("agent_chat_typing", AgentBearer),
    ("agent_customer_typing", AgentBearer),
    ("agent_end_chat", AgentBearer),
    ("agent_callbacks", AgentBearer),
    ("agent_callback_done", AgentBearer),
    ("agent_comment", AgentBearer),
    ("agent_status", AgentBearer),
    ("agent_engineer", AgentBearer),
    ("agent_write_article", AgentBearer),
    ("sign_out", Public),
];

/// One operation of the contract.
#[derive(Clone, Debug)]
pub(super) struct Operation {
    pub(super) method: Method,
    /// The full path template (`/api/v1/cases/{id}`, `/agent/v1/...`).
    pub(super) path: String,
}

/// Every operation of `contract/openapi.json`, by operation id.
pub(super) fn contract() -> BTreeMap<String, Operation> {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../contract/openapi.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let mut ops = BTreeMap::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let Ok(method) = method.to_uppercase().parse::<Method>() else {
                continue;
            };
            if let Some(id) = op["operationId"].as_str() {
                let op = Operation {
                    method,
                    path: path.clone(),
                };
                assert!(ops.insert(id.to_string(), op).is_none(), "{id} twice");
            }
        }
    }
    ops
}

#[test]
fn the_role_table_lists_every_operation_of_the_contract_and_no_other() {
    let ops = contract();
    let listed: Vec<&str> = TABLE.iter().map(|(id, _)| *id).collect();
    let missing: Vec<&String> = ops
        .keys()
        .filter(|id| !listed.contains(&id.as_str()))
        .collect();
    assert!(missing.is_empty(), "not in the role table: {missing:?}");
    let unknown: Vec<&&str> = listed.iter().filter(|id| !ops.contains_key(**id)).collect();
    assert!(
        unknown.is_empty(),
        "in the role table, not in the contract: {unknown:?}"
    );
    let mut sorted = listed.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), listed.len(), "an operation is listed twice");
    assert!(ops.len() >= 77, "the contract shrank to {}", ops.len());
}
