//! Checks that a validator refuses exactly what its request's JSON Schema (the schema the
//! API document publishes) says is out of bounds: a text one character over `maxLength`,
//! a number one past `minimum` or `maximum`, a list one item over `maxItems`, a value its
//! `pattern` does not match, and accepts the values at the bounds. The schema is read
//! through references, `allOf` and optional (`anyOf` with null) wrappers, so limits
//! stated next to a shared type's reference count.
use aftercare_contracts::FieldError;
use schemars::JsonSchema;
use serde_json::Value;

/// What a schema states about one field, the tightest bound where several parts of the
/// schema state one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stated {
    /// `minLength`.
    pub min_length: Option<u64>,
    /// `maxLength`.
    pub max_length: Option<u64>,
    /// `minimum`.
    pub minimum: Option<f64>,
    /// `maximum`.
    pub maximum: Option<f64>,
    /// `minItems`.
    pub min_items: Option<u64>,
    /// `maxItems`.
    pub max_items: Option<u64>,
    /// Every `pattern`.
    pub patterns: Vec<String>,
}

fn tighter<T: PartialOrd + Copy>(have: Option<T>, new: Option<T>, lower: bool) -> Option<T> {
    match (have, new) {
        (Some(a), Some(b)) => Some(if (b > a) == lower { b } else { a }),
        (a, b) => a.or(b),
    }
}

impl Stated {
    fn add(&mut self, s: &Value) {
        let u = |k: &str| s.get(k).and_then(Value::as_u64);
        let f = |k: &str| s.get(k).and_then(Value::as_f64);
        self.min_length = tighter(self.min_length, u("minLength"), true);
        self.max_length = tighter(self.max_length, u("maxLength"), false);
        self.minimum = tighter(self.minimum, f("minimum"), true);
        self.maximum = tighter(self.maximum, f("maximum"), false);
        self.min_items = tighter(self.min_items, u("minItems"), true);
        self.max_items = tighter(self.max_items, u("maxItems"), false);
        if let Some(p) = s.get("pattern").and_then(Value::as_str) {
            self.patterns.push(p.to_owned());
        }
    }

    /// Whether every pattern matches `value`.
    pub fn matches(&self, value: &str) -> bool {
        self.patterns.iter().all(|p| {
            regex::Regex::new(p)
                .unwrap_or_else(|e| panic!("pattern {p}: {e}"))
                .is_match(value)
        })
    }
}

/// The path `a.b[].c` as its steps (`[]`: the items of a list).
fn steps(path: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in path.split('.') {
        match part.strip_suffix("[]") {
            Some(name) => out.extend([name, "[]"]),
            None => out.push(part),
        }
    }
    out
}

fn collect(root: &Value, s: &Value, path: &[&str], out: &mut Stated) {
    if let Some(r) = s.get("$ref").and_then(Value::as_str)
        && let Some(target) = root.pointer(r.trim_start_matches('#'))
    {
        collect(root, target, path, out);
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        for sub in s.get(key).and_then(Value::as_array).into_iter().flatten() {
            collect(root, sub, path, out);
        }
    }
    match path.split_first() {
        None => out.add(s),
        Some((&"[]", rest)) => {
            if let Some(items) = s.get("items") {
                collect(root, items, rest, out);
            }
        }
        Some((name, rest)) => {
            if let Some(p) = s.get("properties").and_then(|p| p.get(*name)) {
                collect(root, p, rest, out);
            }
        }
    }
}

/// What `root` (a whole schema or document, references resolved within it) states at
/// `path` under the schema `at`.
pub fn stated_in(root: &Value, at: &Value, path: &str) -> Stated {
    let mut out = Stated::default();
    collect(root, at, &steps(path), &mut out);
    out
}

/// What `T`'s JSON Schema states at `path` (`customer.phone`, `parts[].quantity`).
pub fn stated<T: JsonSchema>(path: &str) -> Stated {
    let root = schemars::schema_for!(T).to_value();
    stated_in(&root, &root, path)
}

fn refused(errors: &[FieldError], field: &str) -> bool {
    errors.iter().any(|e| e.field == field)
}

/// Asserts that `check` (the validator run on a valid request whose field at `path` is
/// set to the text given) accepts texts of `T`'s stated lengths, made by `make`, and
/// refuses `field` one character over `maxLength`, and below `minLength` (blank texts,
/// since limits count characters once space is trimmed).
pub fn assert_text<T: JsonSchema>(
    path: &str,
    field: &str,
    make: impl Fn(usize) -> String,
    check: impl Fn(String) -> Vec<FieldError>,
) {
    let s = stated::<T>(path);
    let max = s
        .max_length
        .unwrap_or_else(|| panic!("{path}: no maxLength")) as usize;
    let min = s.min_length.unwrap_or(0) as usize;
    for n in [min.max(1), max] {
        let ok = make(n);
        assert!(
            s.matches(&ok),
            "{path}: the sample {ok:?} breaks the schema"
        );
        let e = check(ok);
        assert!(!refused(&e, field), "{path}: {n} characters refused: {e:?}");
    }
    let e = check(make(max + 1));
    assert!(
        refused(&e, field),
        "{path}: {} characters accepted",
        max + 1
    );
    if min > 0 {
        let blank = " ".repeat(min.max(1));
        assert!(!s.matches(&blank), "{path}: the schema takes a blank text");
        assert!(
            refused(&check(blank), field),
            "{path}: a blank text accepted"
        );
    }
}

/// Asserts that `check` accepts `T`'s stated `minimum` and `maximum` at `path` and refuses
/// `field` one past either (`check` answers `None` for a number the field's type cannot
/// hold, which the type's own range states).
pub fn assert_range<T: JsonSchema>(
    path: &str,
    field: &str,
    check: impl Fn(i64) -> Option<Vec<FieldError>>,
) {
    let s = stated::<T>(path);
    let min = s.minimum.unwrap_or_else(|| panic!("{path}: no minimum")) as i64;
    let max = s.maximum.unwrap_or_else(|| panic!("{path}: no maximum")) as i64;
    for n in [min, max] {
        let e = check(n).unwrap_or_else(|| panic!("{path}: {n} does not fit the type"));
        assert!(!refused(&e, field), "{path}: {n} refused: {e:?}");
    }
    for n in [min - 1, max + 1] {
        if let Some(e) = check(n) {
            assert!(refused(&e, field), "{path}: {n} accepted");
        }
    }
}

/// Asserts that `check` accepts lists of `T`'s stated `minItems` and `maxItems` at `path`
/// and refuses `field` with one item more, or one fewer than a stated `minItems` above 0.
pub fn assert_count<T: JsonSchema>(
    path: &str,
    field: &str,
    check: impl Fn(usize) -> Vec<FieldError>,
) {
    let s = stated::<T>(path);
    let max = s.max_items.unwrap_or_else(|| panic!("{path}: no maxItems")) as usize;
    let min = s.min_items.unwrap_or(0) as usize;
    for n in [min, max] {
        let e = check(n);
        assert!(!refused(&e, field), "{path}: {n} items refused: {e:?}");
    }
    assert!(
        refused(&check(max + 1), field),
        "{path}: {} items accepted",
        max + 1
    );
    if min > 0 {
        assert!(
            refused(&check(min - 1), field),
            "{path}: {} items accepted",
            min - 1
        );
    }
}

/// Asserts that `T`'s stated pattern at `path` matches each of `samples` exactly when
/// `check` accepts it at `field`.
pub fn assert_pattern<T: JsonSchema>(
    path: &str,
    field: &str,
    samples: &[&str],
    check: impl Fn(String) -> Vec<FieldError>,
) {
    let s = stated::<T>(path);
    assert!(!s.patterns.is_empty(), "{path}: no pattern");
    for sample in samples {
        let accepted = !refused(&check((*sample).to_owned()), field);
        assert_eq!(
            s.matches(sample),
            accepted,
            "{path}: {sample:?} matches the schema but the validator says otherwise"
        );
    }
}
