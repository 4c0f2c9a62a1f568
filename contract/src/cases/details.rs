//! The product-specific details of a case: the one place that knows which detail belongs to
//! which product, its name in requests and field errors, where its value lives and what it
//! must be. The app's form and the backend's checks both read it.

use super::{is_web_url, ProductDetails, DETAIL_MAX};
use crate::{FieldCode, Product};

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
    /// Every detail, in the form's order.
    pub const ALL: [Detail; 6] = [
        Detail::ReportSuiteId,
        Detail::WorkspaceUrl,
        Detail::ActivityName,
        Detail::SiteUrl,
        Detail::DataSourceId,
        Detail::SegmentId,
    ];

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

    /// Where its value lives in `details`.
    pub fn slot_ref(self, d: &ProductDetails) -> &Option<String> {
        match self {
            Detail::ReportSuiteId => &d.report_suite_id,
            Detail::WorkspaceUrl => &d.workspace_url,
            Detail::ActivityName => &d.activity_name,
            Detail::SiteUrl => &d.site_url,
            Detail::DataSourceId => &d.data_source_id,
            Detail::SegmentId => &d.segment_id,
        }
    }

    /// Where its value lives in `details`, to change it.
    pub fn slot(self, d: &mut ProductDetails) -> &mut Option<String> {
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
    pub fn problem(self, details: &ProductDetails) -> Option<FieldCode> {
        let v = self.value(details)?;
        (v.chars().count() > DETAIL_MAX)
            .then_some(FieldCode::TooLong)
            .or_else(|| (self.is_link() && !is_web_url(v)).then_some(FieldCode::InvalidUrl))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_product_has_its_own_details() {
        for p in [
            Product::Analytics,
            Product::Target,
            Product::AudienceManager,
        ] {
            assert_eq!(Detail::of(p).len(), 2);
        }
        assert!(Detail::of(Product::Unknown).is_empty());
    }
}
