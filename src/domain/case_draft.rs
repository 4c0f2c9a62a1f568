//! The file-a-case form as a draft: its steps, what each step requires, and the request it
//! becomes. Plain data, so it can be saved as it is typed and restored after anything.

use serde::{Deserialize, Serialize};
use support_contract::cases::{
    requires_business_impact, Attachment, NewCase, Priority, ProductDetails, SHORT_MAX, TEXT_MAX,
    TITLE_MAX,
};
use support_contract::{FieldCode, Product};

use support_contract::cases::Detail;

/// The steps of filing a case, in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    #[default]
    Product,
    Problem,
    Details,
    Priority,
    Contact,
    Review,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::Product,
        Step::Problem,
        Step::Details,
        Step::Priority,
        Step::Contact,
        Step::Review,
    ];

    pub fn next(self) -> Step {
        let i = Step::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Step::ALL[(i + 1).min(Step::ALL.len() - 1)]
    }

    pub fn previous(self) -> Step {
        let i = Step::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Step::ALL[i.saturating_sub(1)]
    }
}

/// Everything typed so far, plus the key that makes submitting it twice file one case.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaseDraft {
    pub step: Step,
    pub product: Option<Product>,
    pub title: String,
    pub description: String,
    pub details: ProductDetails,
    pub reproducible: bool,
    pub steps_to_reproduce: String,
    pub environment: String,
    pub priority: Option<Priority>,
    pub business_impact: String,
    pub contact_phone: String,
    pub time_zone: String,
    pub watchers: Vec<String>,
    /// Files already uploaded for this case (their ids go with the request).
    pub attachments: Vec<Attachment>,
    /// Created with the draft and kept until the case is filed: the backend's idempotency key.
    pub idempotency_key: String,
}

fn required(value: &str) -> Option<FieldCode> {
    value.trim().is_empty().then_some(FieldCode::Required)
}

/// `TooLong` when `value` has more than `max` characters.
fn at_most(value: &str, max: usize) -> Option<FieldCode> {
    (value.chars().count() > max).then_some(FieldCode::TooLong)
}

/// A phone number as people write it: digits with spaces, dashes, dots, brackets, a leading +.
fn phone_problem(value: &str) -> Option<FieldCode> {
    if value.trim().is_empty() {
        return Some(FieldCode::Required);
    }
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let allowed = value
        .trim()
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " -.()".contains(c) || (c == '+' && i == 0));
    (!allowed || !(6..=20).contains(&digits)).then_some(FieldCode::InvalidPhone)
}

impl CaseDraft {
    /// A fresh draft with its idempotency key.
    pub fn new(idempotency_key: String, time_zone: String) -> CaseDraft {
        CaseDraft {
            idempotency_key,
            time_zone,
            ..CaseDraft::default()
        }
    }

    /// Whether nothing has been entered yet (a restored blank draft is no draft at all).
    pub fn is_blank(&self) -> bool {
        let fresh = CaseDraft {
            step: self.step,
            idempotency_key: self.idempotency_key.clone(),
            time_zone: self.time_zone.clone(),
            ..CaseDraft::default()
        };
        *self == fresh
    }

    /// The fields of `step` that stop it from being complete, with why.
    pub fn problems(&self, step: Step) -> Vec<(&'static str, FieldCode)> {
        let mut out = Vec::new();
        let mut check = |field: &'static str, problem: Option<FieldCode>| {
            if let Some(p) = problem {
                out.push((field, p));
            }
        };
        match step {
            Step::Product => check(
                "product",
                self.product.is_none().then_some(FieldCode::Required),
            ),
            Step::Problem => {
                check(
                    "title",
                    required(&self.title).or_else(|| at_most(&self.title, TITLE_MAX)),
                );
                check(
                    "description",
                    required(&self.description).or_else(|| at_most(&self.description, TEXT_MAX)),
                );
            }
            Step::Details => {
                for detail in self.product.map_or(&[][..], Detail::of) {
                    check(detail.field(), detail.problem(&self.details));
                }
                if self.reproducible {
                    check(
                        "steps_to_reproduce",
                        required(&self.steps_to_reproduce)
                            .or_else(|| at_most(&self.steps_to_reproduce, SHORT_MAX)),
                    );
                }
                check("environment", at_most(&self.environment, SHORT_MAX));
            }
            Step::Priority => {
                check(
                    "priority",
                    self.priority.is_none().then_some(FieldCode::Required),
                );
                let impact = at_most(&self.business_impact, SHORT_MAX);
                if self.priority.is_some_and(requires_business_impact) {
                    check(
                        "business_impact",
                        required(&self.business_impact).or(impact),
                    );
                } else {
                    check("business_impact", impact);
                }
            }
            Step::Contact => {
                check("contact_phone", phone_problem(&self.contact_phone));
                check("time_zone", required(&self.time_zone));
            }
            Step::Review => {}
        }
        out
    }

    /// The first step that is not complete, if any: where submit sends the user.
    pub fn first_incomplete(&self) -> Option<Step> {
        Step::ALL
            .into_iter()
            .find(|s| !self.problems(*s).is_empty())
    }

    /// The request to file, once every step is complete.
    pub fn to_new_case(&self) -> Option<NewCase> {
        if self.first_incomplete().is_some() {
            return None;
        }
        let optional = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        Some(NewCase {
            product: self.product?,
            priority: self.priority?,
            title: self.title.trim().to_string(),
            description: self.description.trim().to_string(),
            details: self.details_for_product(),
            reproducible: self.reproducible,
            steps_to_reproduce: self
                .reproducible
                .then(|| self.steps_to_reproduce.trim().to_string()),
            environment: optional(&self.environment),
            business_impact: optional(&self.business_impact),
            contact_phone: self.contact_phone.trim().to_string(),
            time_zone: self.time_zone.clone(),
            watchers: self.watchers.clone(),
            attachments: self.attachments.iter().map(|a| a.id.clone()).collect(),
        })
    }

    /// Only the details of the chosen product: a user who switched product sends no leftovers.
    fn details_for_product(&self) -> ProductDetails {
        let mut out = ProductDetails::default();
        for detail in self.product.map_or(&[][..], Detail::of) {
            *detail.slot(&mut out) = detail.value(&self.details).map(str::to_string);
        }
        out
    }
}

/// The step on which a field (as the backend names it in field errors) is asked.
pub fn step_of_field(field: &str) -> Step {
    match field {
        "product" => Step::Product,
        "title" | "description" => Step::Problem,
        "priority" | "business_impact" => Step::Priority,
        "contact_phone" | "time_zone" | "watchers" => Step::Contact,
        _ => Step::Details,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> CaseDraft {
        CaseDraft {
            product: Some(Product::Target),
            title: "Activity not delivering".into(),
            description: "Since the release the activity shows the default experience.".into(),
            details: ProductDetails {
                activity_name: Some(" Spring sale ".into()),
                report_suite_id: Some("leftover".into()),
                ..Default::default()
            },
            priority: Some(Priority::P2),
            contact_phone: "+44 (20) 7946-0000".into(),
            time_zone: "Europe/London".into(),
            idempotency_key: "k1".into(),
            ..CaseDraft::default()
        }
    }

    #[test]
    fn a_complete_draft_becomes_a_request_with_only_the_chosen_products_details() {
        let case = complete().to_new_case().expect("complete");
        assert_eq!(case.details.activity_name.as_deref(), Some("Spring sale"));
        assert_eq!(case.details.report_suite_id, None);
        assert_eq!(case.steps_to_reproduce, None);
    }

    #[test]
    fn a_critical_case_needs_a_business_impact_statement() {
        let mut d = complete();
        d.priority = Some(Priority::P1);
        assert_eq!(
            d.problems(Step::Priority),
            vec![("business_impact", FieldCode::Required)]
        );
        assert_eq!(d.first_incomplete(), Some(Step::Priority));
        assert!(d.to_new_case().is_none());
        d.business_impact = "Checkout conversion is down 30%.".into();
        assert!(d.to_new_case().is_some());
    }

    #[test]
    fn each_step_names_its_missing_fields() {
        let d = CaseDraft::default();
        assert_eq!(
            d.problems(Step::Product),
            vec![("product", FieldCode::Required)]
        );
        assert_eq!(
            d.problems(Step::Problem),
            vec![
                ("title", FieldCode::Required),
                ("description", FieldCode::Required)
            ]
        );
        assert_eq!(d.first_incomplete(), Some(Step::Product));
    }

    #[test]
    fn reproducible_problems_need_their_steps() {
        let mut d = complete();
        d.reproducible = true;
        assert_eq!(
            d.problems(Step::Details),
            vec![("steps_to_reproduce", FieldCode::Required)]
        );
    }

    #[test]
    fn a_link_in_the_products_details_must_be_a_web_address() {
        let mut d = complete();
        d.details.site_url = Some("javascript:alert(1)".into());
        assert_eq!(
            d.problems(Step::Details),
            vec![("details.site_url", FieldCode::InvalidUrl)]
        );
        d.details.site_url = Some(" https://shop.example/sale ".into());
        assert!(d.problems(Step::Details).is_empty());
        // Another product's leftover is not checked: it is not sent.
        d.details.workspace_url = Some("not a link".into());
        assert!(d.problems(Step::Details).is_empty());
    }

    #[test]
    fn short_texts_follow_the_backends_limits() {
        let mut d = complete();
        d.environment = "x".repeat(SHORT_MAX + 1);
        assert_eq!(
            d.problems(Step::Details),
            vec![("environment", FieldCode::TooLong)]
        );
        d.environment.clear();
        d.business_impact = "x".repeat(SHORT_MAX + 1);
        assert_eq!(
            d.problems(Step::Priority),
            vec![("business_impact", FieldCode::TooLong)]
        );
    }

    #[test]
    fn phone_numbers_are_checked_as_people_write_them() {
        assert_eq!(phone_problem("+1 (555) 010-0100"), None);
        assert_eq!(phone_problem("call me"), Some(FieldCode::InvalidPhone));
        assert_eq!(phone_problem("12"), Some(FieldCode::InvalidPhone));
        assert_eq!(phone_problem("  "), Some(FieldCode::Required));
    }

    #[test]
    fn a_title_over_the_limit_is_refused_before_sending() {
        let mut d = complete();
        d.title = "x".repeat(201);
        assert_eq!(
            d.problems(Step::Problem),
            vec![("title", FieldCode::TooLong)]
        );
    }

    #[test]
    fn a_saved_draft_comes_back_whole_even_from_an_older_shape() {
        let d = complete();
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<CaseDraft>(&json).unwrap(), d);
        let old: CaseDraft = serde_json::from_str(r#"{"title":"only this"}"#).unwrap();
        assert_eq!(old.title, "only this");
        assert_eq!(old.step, Step::Product);
    }

    #[test]
    fn steps_go_forward_and_back_within_bounds() {
        assert_eq!(Step::Product.previous(), Step::Product);
        assert_eq!(Step::Contact.next(), Step::Review);
        assert_eq!(Step::Review.next(), Step::Review);
        assert_eq!(step_of_field("business_impact"), Step::Priority);
        assert_eq!(step_of_field("details.report_suite_id"), Step::Details);
        assert_eq!(step_of_field("attachments"), Step::Details);
        assert_eq!(step_of_field("watchers"), Step::Contact);
    }

    #[test]
    fn a_draft_with_nothing_entered_is_blank() {
        let mut d = CaseDraft::new("k".into(), "UTC".into());
        assert!(d.is_blank());
        d.step = Step::Problem;
        assert!(d.is_blank());
        d.title = "x".into();
        assert!(!d.is_blank());
    }
}
