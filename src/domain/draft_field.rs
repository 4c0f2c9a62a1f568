//! The text fields of the file-a-case draft, by the names the request (and the backend's field
//! errors) give them, so a form field is bound to the draft by naming it once.

use super::case_draft::CaseDraft;
use support_contract::cases::Detail;

/// A text field of the draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftField {
    Title,
    Description,
    Detail(Detail),
    StepsToReproduce,
    Environment,
    BusinessImpact,
    ContactPhone,
}

impl DraftField {
    /// Its name in the request and in the backend's field errors.
    pub fn name(self) -> &'static str {
        match self {
            DraftField::Title => "title",
            DraftField::Description => "description",
            DraftField::Detail(d) => d.field(),
            DraftField::StepsToReproduce => "steps_to_reproduce",
            DraftField::Environment => "environment",
            DraftField::BusinessImpact => "business_impact",
            DraftField::ContactPhone => "contact_phone",
        }
    }

    /// Its value in `draft`, as typed.
    pub fn get(self, draft: &CaseDraft) -> &str {
        match self {
            DraftField::Title => &draft.title,
            DraftField::Description => &draft.description,
            DraftField::Detail(d) => d.slot_ref(&draft.details).as_deref().unwrap_or(""),
            DraftField::StepsToReproduce => &draft.steps_to_reproduce,
            DraftField::Environment => &draft.environment,
            DraftField::BusinessImpact => &draft.business_impact,
            DraftField::ContactPhone => &draft.contact_phone,
        }
    }

    /// Puts what the user typed into `draft`.
    pub fn set(self, draft: &mut CaseDraft, value: String) {
        match self {
            DraftField::Title => draft.title = value,
            DraftField::Description => draft.description = value,
            DraftField::Detail(d) => *d.slot(&mut draft.details) = Some(value),
            DraftField::StepsToReproduce => draft.steps_to_reproduce = value,
            DraftField::Environment => draft.environment = value,
            DraftField::BusinessImpact => draft.business_impact = value,
            DraftField::ContactPhone => draft.contact_phone = value,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_reads_and_writes_its_own_place_under_its_request_name() {
        let mut d = CaseDraft::default();
        for (i, field) in [
            DraftField::Title,
            DraftField::Description,
            DraftField::Detail(Detail::SiteUrl),
            DraftField::StepsToReproduce,
            DraftField::Environment,
            DraftField::BusinessImpact,
            DraftField::ContactPhone,
        ]
        .into_iter()
        .enumerate()
        {
            field.set(&mut d, i.to_string());
            assert_eq!(field.get(&d), i.to_string(), "{}", field.name());
        }
        assert_eq!(d.details.site_url.as_deref(), Some("2"));
        assert_eq!(
            DraftField::Detail(Detail::SiteUrl).name(),
            "details.site_url"
        );
    }
}
