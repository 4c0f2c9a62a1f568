//! Support cases: the list, a case's detail and thread, and filing a case.

mod detail;
mod escalate;
mod list;
mod new_case;
mod reply;
mod response;
mod steps;
mod thread;

pub use detail::CaseDetailPage;
pub use list::CaseListPage;
pub use new_case::FileCasePage;
