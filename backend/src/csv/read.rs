//! Reading CSV text into records.

/// One record and the line it starts on (1-based; a quoted cell may span lines).
#[derive(Debug, PartialEq)]
pub struct Record {
    pub line: u32,
    pub cells: Vec<String>,
}

/// The separator of a file, from its first line: `;` (what spreadsheets write where the comma
/// is the decimal mark) when that line has more semicolons than commas outside quotes, else `,`.
fn separator(text: &str) -> char {
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            '\n' | '\r' if !quoted => break,
            _ => {}
        }
    }
    if semicolons > commas {
        ';'
    } else {
        ','
    }
}

/// Parses a whole file: an optional UTF-8 byte-order mark, CRLF, LF or CR line ends, cells in
/// double quotes with `""` for a quote inside. Lenient where spreadsheets are sloppy: text after
/// a closing quote is kept, and an unclosed quote runs to the end of the file.
pub fn parse(text: &str) -> Vec<Record> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = separator(text);
    let mut records = Vec::new();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut line = 1u32;
    let mut start = 1u32;
    let mut quoted = false;
    let mut at_cell_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                _ => {
                    if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
                        line += 1;
                    }
                    cell.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if at_cell_start => {
                quoted = true;
                at_cell_start = false;
            }
            c if c == sep => {
                cells.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                cells.push(std::mem::take(&mut cell));
                records.push(Record {
                    line: start,
                    cells: std::mem::take(&mut cells),
                });
                line += 1;
                start = line;
                at_cell_start = true;
            }
            _ => {
                cell.push(c);
                at_cell_start = false;
            }
        }
    }
    if !cell.is_empty() || !cells.is_empty() || !at_cell_start || quoted {
        cells.push(cell);
        records.push(Record { line: start, cells });
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<Vec<String>> {
        parse(text).into_iter().map(|r| r.cells).collect()
    }

    #[test]
    fn commas_or_semicolons_are_detected_from_the_header() {
        assert_eq!(cells("a,b;c\n1,2;3\n"), [["a", "b;c"], ["1", "2;3"]]);
        assert_eq!(
            cells("a;b;c,d\r\n1;2;3,4"),
            [["a", "b", "c,d"], ["1", "2", "3,4"]]
        );
        assert_eq!(cells("\"x;y\",b\n"), [["x;y", "b"]]);
    }

    #[test]
    fn quotes_hold_separators_quotes_and_line_breaks() {
        let records = parse("\u{feff}email,name\r\n\"a@x.example\",\"Lee, \"\"Casey\"\"\"\r\nb@x.example,\"two\nlines\"\nc@x.example,C\n");
        assert_eq!(records[0].cells, ["email", "name"]);
        assert_eq!(records[1].cells, ["a@x.example", "Lee, \"Casey\""]);
        assert_eq!(
            records[2],
            Record {
                line: 3,
                cells: vec!["b@x.example".into(), "two\nlines".into()]
            }
        );
        assert_eq!(
            records[3].line, 5,
            "lines count the break inside the quotes"
        );
        assert_eq!(records.len(), 4);
    }

    #[test]
    fn empty_lines_and_cells_survive_and_sloppy_quotes_are_kept() {
        assert_eq!(
            cells("a,b\n\n,\n"),
            [vec!["a", "b"], vec![""], vec!["", ""]]
        );
        assert_eq!(cells("a\rb"), [["a"], ["b"]]);
        assert_eq!(cells("x\"y,\"z\"w"), [["x\"y", "zw"]]);
        assert_eq!(cells("\"open,end"), [["open,end"]]);
        assert!(parse("").is_empty());
    }
}
