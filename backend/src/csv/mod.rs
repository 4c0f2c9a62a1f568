//! CSV as spreadsheets write and read it: the import reader (either separator, quotes, any line
//! ending, a byte-order mark) and the export writer (quoting, and formulas neutralised).
//! Small on purpose: the import and the audit export are the only users.

mod read;
mod write;

pub use read::{parse, Record};
pub use write::{row, BOM};
