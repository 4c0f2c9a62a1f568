//! Writing CSV rows that spreadsheets open safely.

/// The UTF-8 byte-order mark: without it, spreadsheet programs guess a legacy encoding and
/// mangle accented names.
pub const BOM: &str = "\u{feff}";

/// Appends one row, ended by CRLF (RFC 4180).
pub fn row<S: AsRef<str>>(out: &mut String, cells: &[S], separator: char) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(separator);
        }
        cell(out, c.as_ref(), separator);
    }
    out.push_str("\r\n");
}

/// What starts a formula in some spreadsheet: the ASCII signs, and their full-width forms
/// (U+FF1D, U+FF0B, U+FF0D, U+FF20), which Excel in East Asian locales converts as it reads.
const FORMULA_STARTS: [char; 8] = [
    '=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
];

/// Whether a spreadsheet could run `text` as a formula: it starts with a tab or a carriage
/// return, or with one of [`FORMULA_STARTS`] after any whitespace (spreadsheets trim a leading
/// space, including U+00A0 and the ideographic U+3000, before they look).
fn formula(text: &str) -> bool {
    text.starts_with(['\t', '\r'])
        || text
            .trim_start_matches(char::is_whitespace)
            .starts_with(FORMULA_STARTS)
}

/// A cell: a leading `'` in front of what a spreadsheet would run as a formula (see
/// [`formula`]: names and reasons are typed by people), then quotes when the text holds the
/// separator, a quote or a line break.
fn cell(out: &mut String, text: &str, separator: char) {
    let formula = formula(text);
    let needs_quotes = text.contains([separator, '"', '\n', '\r']);
    if needs_quotes {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if needs_quotes {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(cells: &[&str], sep: char) -> String {
        let mut out = String::new();
        row(&mut out, cells, sep);
        out
    }

    #[test]
    fn separators_quotes_and_line_breaks_are_quoted() {
        assert_eq!(line(&["a", "b c", "d"], ','), "a,b c,d\r\n");
        assert_eq!(
            line(&["Lee, Casey", "say \"hi\""], ','),
            "\"Lee, Casey\",\"say \"\"hi\"\"\"\r\n"
        );
        assert_eq!(line(&["Lee, Casey", "x;y"], ';'), "Lee, Casey;\"x;y\"\r\n");
        assert_eq!(line(&["two\nlines", ""], ','), "\"two\nlines\",\r\n");
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            line(&["=HYPERLINK(\"x\")"], ','),
            "\"'=HYPERLINK(\"\"x\"\")\"\r\n"
        );
        assert_eq!(
            line(&["+1", "-2", "@SUM(A1)", "\tx"], ','),
            "'+1,'-2,'@SUM(A1),'\tx\r\n"
        );
        assert_eq!(line(&["\rx"], ','), "\"'\rx\"\r\n");
        assert_eq!(line(&["a=b"], ','), "a=b\r\n");
    }

    #[test]
    fn full_width_signs_and_leading_whitespace_do_not_hide_a_formula() {
        assert_eq!(
            line(
                &["\u{ff1d}1+1", "\u{ff0b}1", "\u{ff0d}1", "\u{ff20}SUM(A1)"],
                ','
            ),
            "'\u{ff1d}1+1,'\u{ff0b}1,'\u{ff0d}1,'\u{ff20}SUM(A1)\r\n"
        );
        assert_eq!(
            line(&[" =1+1", "\u{a0}+1", "\u{3000}\u{ff1d}1", "\n=1"], ';'),
            "' =1+1;'\u{a0}+1;'\u{3000}\u{ff1d}1;\"'\n=1\"\r\n"
        );
        assert_eq!(
            line(&["  plain", "a\u{ff1d}b", " "], ','),
            "  plain,a\u{ff1d}b, \r\n"
        );
    }

    #[test]
    fn what_is_written_reads_back() {
        let cells = ["Lee, \"Casey\"", "two\r\nlines", "é;ü", "plain"];
        for sep in [',', ';'] {
            let text = line(&cells, sep);
            let back = super::super::parse(&format!("{BOM}{text}"));
            assert_eq!(back.len(), 1);
            assert_eq!(back[0].cells, cells, "{sep}");
        }
    }
}
