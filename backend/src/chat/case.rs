//! A chat continued as a support case: a P3 case about the chat's product, titled by its topic,
//! described by its summary, with the transcript attached as a file.

use support_contract::cases::{NewCase, Priority};
use support_contract::chat::Chat;

use super::actions::{find, Side};
use crate::cases;
use crate::db::Db;
use crate::member::Member;
use crate::problem::ApiError;
use crate::store::attachments::{self as uploads, NewUpload};
use crate::store::chat as store;

/// The time zone a case filed from a chat names: the user's, else their region's.
fn time_zone(customer: Member<'_>) -> String {
    customer.user.time_zone.clone().unwrap_or_else(|| {
        crate::business_hours::table()
            .into_iter()
            .find(|h| h.region == customer.organisation.region)
            .map(|h| h.time_zone)
            .unwrap_or_else(|| "UTC".into())
    })
}

/// Files the case of `chat` with its transcript (already stored as `attachment_id`, `size`
/// bytes) in one transaction, unless the chat got a case meanwhile. Returns the case's id and
/// whether this call filed it.
pub fn file(
    db: &Db,
    customer: Member<'_>,
    chat: &Chat,
    attachment_id: &str,
    size: usize,
    now: i64,
) -> Result<(String, bool), ApiError> {
    db.transaction(|tx| {
        if let Some(case_id) = find(tx, &chat.id, Side::Customer(customer))?.case_id {
            return Ok((case_id, false));
        }
        let name = format!("chat-{}.txt", chat.id);
        let upload = NewUpload {
            id: attachment_id,
            organisation_id: &customer.organisation.id,
            uploader_id: &customer.user.id,
            name: &name,
            size: size as u64,
            content_type: "text/plain",
            at: now,
        };
        let attachment = uploads::insert(tx, &upload)?;
        let new = NewCase {
            product: chat.product,
            priority: Priority::P3,
            title: chat.topic.clone(),
            description: chat.summary.clone(),
            details: Default::default(),
            reproducible: false,
            steps_to_reproduce: None,
            environment: None,
            business_impact: None,
            contact_phone: String::new(),
            time_zone: time_zone(customer),
            watchers: Vec::new(),
            attachments: vec![attachment.id.clone()],
        };
        let case_id = cases::file(tx, customer, &new, vec![attachment], now)?;
        store::set_case(tx, &chat.id, &case_id)?;
        Ok((case_id, true))
    })
}
