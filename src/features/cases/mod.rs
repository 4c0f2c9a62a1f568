//! Support cases: the list, a case's detail and thread, and filing a case.

mod detail;
mod escalate;
mod form;
mod list;
mod new_case;
mod reply;
mod report;
mod response;
mod step_fields;
mod step_review;
mod steps;
mod thread;
mod while_typing;

pub use detail::CaseDetailPage;
pub use list::CaseListPage;
pub use new_case::FileCasePage;
