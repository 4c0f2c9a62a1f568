//! The mutations of a valid answer, and the seeded generator that picks them.

use serde_json::{json, Value};

/// xorshift64*: small, seeded, reproducible.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    pub(super) fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
}

#[derive(Clone, Debug)]
pub(super) enum Step {
    Key(String),
    Index(usize),
}

/// The path of every value in `v`, the root included.
pub(super) fn paths(v: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(at.clone());
    match v {
        Value::Object(o) => {
            for (k, child) in o {
                at.push(Step::Key(k.clone()));
                paths(child, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                at.push(Step::Index(i));
                paths(child, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

pub(super) fn at_mut<'a>(v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, step| match step {
        Step::Key(k) => v.get_mut(k.as_str()),
        Step::Index(i) => v.get_mut(*i),
    })
}

pub(super) fn at<'a>(v: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(v, |v, step| match step {
        Step::Key(k) => v.get(k.as_str()),
        Step::Index(i) => v.get(*i),
    })
}

/// Text that no `Value` can hold (numbers past f64, broken escapes, deep nesting, raw control
/// characters), put in place of a marker string after serializing.
pub(super) struct Raw(pub(super) Vec<String>);

impl Raw {
    fn marker(&mut self, text: String) -> Value {
        self.0.push(text);
        Value::String(format!("\u{1}raw{}\u{1}", self.0.len() - 1))
    }
    pub(super) fn apply(&self, json: String) -> String {
        self.0.iter().enumerate().fold(json, |json, (i, raw)| {
            json.replace(&format!("\"\\u0001raw{i}\\u0001\""), raw)
        })
    }
}

/// Short, and without raw text (ten thousand deep nestings are not the point).
fn small(v: &Value) -> bool {
    let text = v.to_string();
    text.len() < 120 && !text.contains("raw")
}

fn nested(depth: usize, object: bool) -> String {
    match object {
        true => format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)),
        false => format!("{}{}", "[".repeat(depth), "]".repeat(depth)),
    }
}

pub(super) const KINDS: [&str; 14] = [
    "drop field",
    "null",
    "wrong type",
    "huge number",
    "negative number",
    "huge string",
    "huge array",
    "deep nesting",
    "unknown enum value",
    "broken escape",
    "control characters",
    "unknown field",
    "empty or repeated",
    "body",
];

/// How often each of [`KINDS`] (but "body") is picked: huge strings and arrays, the slow ones,
/// a third as often as the others.
const WEIGHTS: [usize; KINDS.len() - 1] = [3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3, 3];

fn pick_kind(rng: &mut Rng) -> usize {
    let mut n = rng.below(WEIGHTS.iter().sum());
    WEIGHTS
        .iter()
        .position(|w| match n < *w {
            true => true,
            false => {
                n -= w;
                false
            }
        })
        .unwrap()
}

/// One mutation of the value at `path`; returns its kind.
pub(super) fn mutate(rng: &mut Rng, root: &mut Value, path: &[Step], raw: &mut Raw) -> usize {
    let kind = pick_kind(rng);
    if let (0, Some((Step::Key(k), parent))) = (kind, path.split_last()) {
        if let Some(Value::Object(o)) = at_mut(root, parent) {
            o.remove(k);
            return kind;
        }
    }
    let Some(node) = at_mut(root, path) else {
        return kind;
    };
    let new = match kind {
        0 | 1 => Value::Null,
        2 => rng
            .pick(&[
                json!(0),
                json!(1.5),
                json!("text"),
                json!(""),
                json!(true),
                json!([]),
                json!({}),
                json!([1, "two"]),
                json!({"x": 1}),
            ])
            .clone(),
        3 => raw.marker(
            rng.pick(&[
                "1e308",
                "-1e308",
                "1e400",
                "-1e400",
                "9007199254740993",
                "18446744073709551616",
                "-9223372036854775809",
                "4294967296",
                "65536",
                "256",
                "1.0000000000000002",
                "-0",
                "1E+2",
                "123456789012345678901234567890",
            ])
            .to_string(),
        ),
        4 => match node.as_f64() {
            Some(n) if n != 0.0 => json!(-n),
            _ => json!(*rng.pick(&[-1i64, -2_147_483_649, i64::MIN])),
        },
        5 => {
            let len = if rng.percent(3) { 1_000_000 } else { 100_000 };
            let unit = *rng.pick(&["x", "é", "😀", "<b>", "\u{202e}"]);
            Value::String(unit.repeat(len / unit.len().max(1)))
        }
        6 => {
            let element = match node {
                Value::Array(a) if !a.is_empty() && small(&a[0]) => a[0].clone(),
                _ => rng
                    .pick(&[json!(1), json!("x"), json!(null), json!({})])
                    .clone(),
            };
            Value::Array(vec![element; 10_000])
        }
        7 => {
            let depth = if rng.percent(10) { 100_000 } else { 200 };
            raw.marker(nested(depth, rng.percent(50)))
        }
        8 => Value::String(
            rng.pick(&[
                "zz_newer_value",
                "UNKNOWN",
                "Active",
                "p0",
                "unknown",
                "𝔲𝔫𝔨",
            ])
            .to_string(),
        ),
        9 => raw.marker(
            rng.pick(&[
                r#""\ud800""#,
                r#""\udc00x""#,
                r#""a\ud83d""#,
                r#""\ud83d\u0041""#,
                r#""\udfff\ud800""#,
                r#""\u12""#,
                r#""\x41""#,
                r#""\""#,
                r#""\u0000""#,
            ])
            .to_string(),
        ),
        10 => match rng.percent(50) {
            // Escaped by the serializer: valid JSON, odd text.
            true => {
                Value::String("a\u{0}b\u{1}\u{1f}\u{7f}\u{2028}\u{2029}\u{feff}\u{202e}z".into())
            }
            // Raw in the text: not JSON.
            false => raw.marker("\"a\u{1}\u{0}b\n\"".into()),
        },
        11 => {
            if let Value::Object(o) = node {
                let value = match rng.below(3) {
                    0 => raw.marker(nested(100_000, false)),
                    1 => json!([{"type": "zz"}, null]),
                    _ => Value::String("x".repeat(10_000)),
                };
                o.insert("zz_unknown_field".into(), value);
                return kind;
            }
            json!({"zz_unknown_field": 1})
        }
        _ => match node {
            Value::Array(a) if !a.is_empty() && rng.percent(50) => {
                let first = a[0].clone();
                a.push(first);
                return kind;
            }
            Value::Array(_) => json!([]),
            _ => json!({}),
        },
    };
    *node = new;
    kind
}

/// What the body of an answer can suffer on the way: cut short, invalid UTF-8 (read as
/// `Response.text()` reads it, with U+FFFD), a byte order mark, trailing text, nothing.
pub(super) fn mutate_body(rng: &mut Rng, text: String) -> String {
    let mut bytes = text.into_bytes();
    match rng.below(6) {
        0 => bytes.truncate(rng.below(bytes.len())),
        1 => {
            for _ in 0..=rng.below(4) {
                let at = rng.below(bytes.len() + 1);
                let bad = *rng.pick(&[0x80u8, 0xc3, 0xed, 0xf8, 0xfe, 0xff]);
                bytes.insert(at, bad);
            }
        }
        2 => bytes = ["\u{feff}".as_bytes(), &bytes].concat(),
        3 => bytes.extend_from_slice(b" {\"more\":1}"),
        4 => {
            bytes = rng
                .pick(&["", "null", "[]", "{}", "\"\"", "0", "<html>"])
                .as_bytes()
                .to_vec()
        }
        _ => bytes.truncate(bytes.len().saturating_sub(1)),
    }
    String::from_utf8_lossy(&bytes).into_owned()
}
