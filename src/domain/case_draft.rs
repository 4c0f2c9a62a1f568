//! The file-a-case form as a draft: its steps, what each step requires, and the request it
//! becomes. Plain data, so it can be saved as it is typed and restored after anything.

use serde::{Deserialize, Serialize};
use support_contract::cases::{
    is_web_url, requires_business_impact, Attachment, NewCase, Priority, ProductDetails,
    DETAIL_MAX, SHORT_MAX, TEXT_MAX, TITLE_MAX,
};
use support_contract::Product;

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

/// A product-specific detail of a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    ReportSuiteId,
    WorkspaceUrl,
    ActivityName,
    SiteUrl,
    DataSourceId,
    SegmentId,
}

impl Detail {
    /// The details asked for a product, in the form's order.
    pub fn of(product: Product) -> &'static [Detail] {
        match product {
            Product::Analytics => &[Detail::ReportSuiteId, Detail::WorkspaceUrl],
            Product::Target => &[Detail::ActivityName, Detail::SiteUrl],
            Product::AudienceManager => &[Detail::DataSourceId, Detail::SegmentId],
            Product::Unknown => &[],
        }
    }

    /// Its name in requests and in the backend's field errors.
    pub fn field(self) -> &'static str {
        match self {
            Detail::ReportSuiteId => "details.report_suite_id",
            Detail::WorkspaceUrl => "details.workspace_url",
            Detail::ActivityName => "details.activity_name",
            Detail::SiteUrl => "details.site_url",
            Detail::DataSourceId => "details.data_source_id",
            Detail::SegmentId => "details.segment_id",
        }
    }

    /// Whether it is a link, which must be a web address.
    pub fn is_link(self) -> bool {
        matches!(self, Detail::WorkspaceUrl | Detail::SiteUrl)
    }

    /// Its value in `details`, trimmed; `None` when not given.
    pub fn value(self, details: &ProductDetails) -> Option<&str> {
        self.slot_ref(details)
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    fn slot_ref(self, d: &ProductDetails) -> &Option<String> {
        match self {
            Detail::ReportSuiteId => &d.report_suite_id,
            Detail::WorkspaceUrl => &d.workspace_url,
            Detail::ActivityName => &d.activity_name,
            Detail::SiteUrl => &d.site_url,
            Detail::DataSourceId => &d.data_source_id,
            Detail::SegmentId => &d.segment_id,
        }
    }

    fn slot(self, d: &mut ProductDetails) -> &mut Option<String> {
        match self {
            Detail::ReportSuiteId => &mut d.report_suite_id,
            Detail::WorkspaceUrl => &mut d.workspace_url,
            Detail::ActivityName => &mut d.activity_name,
            Detail::SiteUrl => &mut d.site_url,
            Detail::DataSourceId => &mut d.data_source_id,
            Detail::SegmentId => &mut d.segment_id,
        }
    }

    /// What is wrong with its value, if anything: too long, or a link that is no web address.
    fn problem(self, details: &ProductDetails) -> Option<Problem> {
        let v = self.value(details)?;
        at_most(v, DETAIL_MAX)
            .or_else(|| (self.is_link() && !is_web_url(v)).then_some(Problem::InvalidUrl))
    }
}

/// Why a field cannot be sent yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong,
    InvalidPhone,
    InvalidUrl,
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

fn required(value: &str) -> Option<Problem> {
    value.trim().is_empty().then_some(Problem::Required)
}

fn at_most(value: &str, max: usize) -> Option<Problem> {
    (value.chars().count() > max).then_some(Problem::TooLong)
}

/// A phone number as people write it: digits with spaces, dashes, dots, brackets, a leading +.
fn phone_problem(value: &str) -> Option<Problem> {
    if value.trim().is_empty() {
        return Some(Problem::Required);
    }
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let allowed = value
        .trim()
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " -.()".contains(c) || (c == '+' && i == 0));
    (!allowed || !(6..=20).contains(&digits)).then_some(Problem::InvalidPhone)
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
    pub fn problems(&self, step: Step) -> Vec<(&'static str, Problem)> {
        let mut out = Vec::new();
        let mut check = |field: &'static str, problem: Option<Problem>| {
            if let Some(p) = problem {
                out.push((field, p));
            }
        };
        match step {
            Step::Product => check(
                "product",
                self.product.is_none().then_some(Problem::Required),
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
                    self.priority.is_none().then_some(Problem::Required),
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

/// Where a user's draft of a new case is kept: per user, so no one else signing in to the same
/// browser ever sees it.
pub fn draft_key(user_id: &str) -> String {
    format!("draft:new-case:{user_id}")
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
            vec![("business_impact", Problem::Required)]
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
            vec![("product", Problem::Required)]
        );
        assert_eq!(
            d.problems(Step::Problem),
            vec![
                ("title", Problem::Required),
                ("description", Problem::Required)
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
            vec![("steps_to_reproduce", Problem::Required)]
        );
    }

    #[test]
    fn a_link_in_the_products_details_must_be_a_web_address() {
        let mut d = complete();
        d.details.site_url = Some("javascript:alert(1)".into());
        assert_eq!(
            d.problems(Step::Details),
            vec![("details.site_url", Problem::InvalidUrl)]
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
            vec![("environment", Problem::TooLong)]
        );
        d.environment.clear();
        d.business_impact = "x".repeat(SHORT_MAX + 1);
        assert_eq!(
            d.problems(Step::Priority),
            vec![("business_impact", Problem::TooLong)]
        );
    }

    #[test]
    fn phone_numbers_are_checked_as_people_write_them() {
        assert_eq!(phone_problem("+1 (555) 010-0100"), None);
        assert_eq!(phone_problem("call me"), Some(Problem::InvalidPhone));
        assert_eq!(phone_problem("12"), Some(Problem::InvalidPhone));
        assert_eq!(phone_problem("  "), Some(Problem::Required));
    }

    #[test]
    fn a_title_over_the_limit_is_refused_before_sending() {
        let mut d = complete();
        d.title = "x".repeat(201);
        assert_eq!(d.problems(Step::Problem), vec![("title", Problem::TooLong)]);
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

    #[test]
    fn drafts_are_kept_apart_per_user() {
        assert_ne!(draft_key("u1"), draft_key("u2"));
    }
}
