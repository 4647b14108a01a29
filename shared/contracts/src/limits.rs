//! The limits the services check on requests, each declared once: the validators check
//! with it and the request types' JSON Schemas state it (`#[schemars(transform = …)]`),
//! so the API reference cannot promise less or more than the services accept. A field
//! states its limit with `#[schemars(transform = &LIMIT)]`.
use schemars::Schema;
use schemars::transform::Transform;
use serde_json::{Value, json};

use crate::rpc::{FieldError, check_range, check_text};

/// Characters `str::trim` removes (Unicode `White_Space`), as a regular-expression class.
pub(crate) const SPACE: &str =
    r"\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";

/// Adds `f`'s keywords to a string schema, or to the string in an optional one.
fn on_string(schema: &mut Schema, f: &dyn Fn(&mut serde_json::Map<String, Value>)) {
    if let Some(obj) = schema.as_object_mut() {
        if let Some(any) = obj.get_mut("anyOf").and_then(Value::as_array_mut) {
            for s in any.iter_mut() {
                if s.get("type") == Some(&json!("string"))
                    && let Some(o) = s.as_object_mut()
                {
                    f(o);
                }
            }
        } else {
            f(obj);
        }
    }
}

/// A text field: at least `min` characters once leading and trailing space is trimmed
/// (`required` below), at most `max` characters (`too_long` above).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// Fewest characters after trimming.
    pub min: usize,
    /// Most characters.
    pub max: usize,
}

impl Text {
    /// Between `min` (trimmed) and `max` characters.
    pub const fn new(min: usize, max: usize) -> Self {
        Self { min, max }
    }

    /// Whether `n` characters (counted as the validator counts them) are allowed.
    pub fn fits(self, n: usize) -> bool {
        (self.min..=self.max).contains(&n)
    }

    /// Checks `value`, naming `field` in what it adds to `errors`.
    pub fn check(self, errors: &mut Vec<FieldError>, field: &str, value: &str) {
        check_text(errors, field, value, self.min, self.max);
    }

    /// The pattern of "at least `min` characters between the first and the last that is
    /// not space", when `min` is above zero.
    pub fn pattern(self) -> Option<String> {
        let solid = format!("[^{SPACE}]");
        match self.min {
            0 => None,
            1 => Some(solid),
            n => Some(format!("{solid}[\\s\\S]{{{},}}{solid}", n - 2)),
        }
    }
}

impl Transform for &Text {
    fn transform(&mut self, schema: &mut Schema) {
        let this = **self;
        on_string(schema, &|o| {
            o.insert("maxLength".into(), json!(this.max));
            if this.min > 0 {
                o.insert("minLength".into(), json!(this.min));
            }
            if let Some(p) = this.pattern() {
                o.insert("pattern".into(), json!(p));
            }
        });
    }
}

/// A whole number between `min` and `max` inclusive (`out_of_range` outside).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    /// Smallest.
    pub min: i64,
    /// Largest.
    pub max: i64,
}

impl Range {
    /// From `min` to `max` inclusive.
    pub const fn new(min: i64, max: i64) -> Self {
        Self { min, max }
    }

    /// Checks `value`, naming `field` in what it adds to `errors`.
    pub fn check(self, errors: &mut Vec<FieldError>, field: &str, value: impl Into<i64>) {
        check_range(errors, field, value.into(), self.min..=self.max);
    }

    /// Whether `value` lies in the range.
    pub fn contains(self, value: impl Into<i64>) -> bool {
        (self.min..=self.max).contains(&value.into())
    }

    /// Whether a real number `value` lies in the range.
    pub fn holds(self, value: f64) -> bool {
        (self.min as f64..=self.max as f64).contains(&value)
    }
}

impl Transform for &Range {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(o) = schema.as_object_mut() {
            o.insert("minimum".into(), json!(self.min));
            o.insert("maximum".into(), json!(self.max));
        }
    }
}

/// How many items a list holds (`out_of_range` outside).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    /// Fewest.
    pub min: usize,
    /// Most.
    pub max: usize,
}

impl Count {
    /// From `min` to `max` items.
    pub const fn new(min: usize, max: usize) -> Self {
        Self { min, max }
    }

    /// Whether `n` items are allowed.
    pub fn allows(self, n: usize) -> bool {
        (self.min..=self.max).contains(&n)
    }
}

impl Transform for &Count {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(o) = schema.as_object_mut() {
            if self.min > 0 {
                o.insert("minItems".into(), json!(self.min));
            }
            o.insert("maxItems".into(), json!(self.max));
        }
    }
}

/// An amount of money at least `min` minor units (`out_of_range` below).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    /// Fewest minor units.
    pub min: i64,
}

impl Amount {
    /// At least `min` minor units.
    pub const fn at_least(min: i64) -> Self {
        Self { min }
    }

    /// Whether `money` is enough.
    pub fn allows(self, money: &crate::Money) -> bool {
        money.amount_minor >= self.min
    }
}

impl Transform for &Amount {
    fn transform(&mut self, schema: &mut Schema) {
        let money = std::mem::take(schema);
        *schema = Schema::from(
            json!({"allOf": [money, {"properties": {"amount_minor": {"minimum": self.min}}}]})
                .as_object()
                .cloned()
                .unwrap_or_default(),
        );
    }
}

/// A real number between `min` and `max` inclusive (`out_of_range` outside).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Real {
    /// Smallest.
    pub min: f64,
    /// Largest.
    pub max: f64,
}

impl Real {
    /// From `min` to `max` inclusive.
    pub const fn new(min: f64, max: f64) -> Self {
        Self { min, max }
    }

    /// Checks `value`, naming `field` in what it adds to `errors`.
    pub fn check(self, errors: &mut Vec<FieldError>, field: &str, value: f64) {
        check_range(errors, field, value, self.min..=self.max);
    }
}

impl Transform for &Real {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(o) = schema.as_object_mut() {
            o.insert("minimum".into(), json!(self.min));
            o.insert("maximum".into(), json!(self.max));
        }
    }
}

/// An ISO 4217 currency code in a [`crate::Money`] field: three capital letters
/// (`invalid` otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency;

impl Currency {
    /// The pattern the schema states.
    pub const PATTERN: &'static str = "^[A-Z]{3}$";

    /// Whether `code` is three capital letters.
    pub fn matches(code: &str) -> bool {
        code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
    }
}

impl Transform for &Currency {
    fn transform(&mut self, schema: &mut Schema) {
        let extra = json!({"properties": {"currency": {"pattern": Currency::PATTERN}}});
        if let Some(all) = schema.get_mut("allOf").and_then(Value::as_array_mut) {
            all.push(extra);
            return;
        }
        let money = std::mem::take(schema);
        *schema = Schema::from(
            json!({"allOf": [money, extra]})
                .as_object()
                .cloned()
                .unwrap_or_default(),
        );
    }
}

/// A map of names to texts: how many entries, each name's and each value's limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextMap {
    /// How many entries.
    pub entries: Count,
    /// Each name.
    pub name: Text,
    /// Each value.
    pub value: Text,
}

impl Transform for &TextMap {
    fn transform(&mut self, schema: &mut Schema) {
        let mut name = Schema::from(
            json!({"type": "string"})
                .as_object()
                .cloned()
                .unwrap_or_default(),
        );
        (&self.name).transform(&mut name);
        let mut value = Schema::from(
            json!({"type": "string"})
                .as_object()
                .cloned()
                .unwrap_or_default(),
        );
        (&self.value).transform(&mut value);
        if let Some(o) = schema.as_object_mut() {
            o.insert("maxProperties".into(), json!(self.entries.max));
            if self.entries.min > 0 {
                o.insert("minProperties".into(), json!(self.entries.min));
            }
            o.insert("propertyNames".into(), name.to_value());
            o.insert("additionalProperties".into(), value.to_value());
        }
    }
}

/// Applies a limit to every item of a list.
#[derive(Debug, Clone, Copy)]
pub struct Each<T>(pub T);

impl<T: Copy> Transform for &Each<T>
where
    for<'a> &'a T: Transform,
{
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(items) = schema.get_mut("items")
            && let Ok(s) = <&mut Schema>::try_from(items)
        {
            (&self.0).transform(s);
        }
    }
}

/// One limit as a value, so [`Fields`] can list the limits of a shared type's fields.
#[derive(Debug, Clone, Copy)]
pub enum Limit {
    /// A text's length.
    Text(Text),
    /// A text's shape.
    Shape(Shape),
    /// A whole number's range.
    Range(Range),
    /// A list's length.
    Count(Count),
    /// A limit on every item of a list.
    Each(&'static Limit),
    /// Limits on an object's fields.
    Fields(Fields),
}

impl Transform for &Limit {
    fn transform(&mut self, schema: &mut Schema) {
        match **self {
            Limit::Text(t) => (&t).transform(schema),
            Limit::Shape(s) => (&s).transform(schema),
            Limit::Range(r) => (&r).transform(schema),
            Limit::Count(c) => (&c).transform(schema),
            Limit::Each(l) => {
                if let Some(o) = schema.as_object_mut() {
                    let items = o.entry("items").or_insert_with(|| json!({}));
                    if let Ok(s) = <&mut Schema>::try_from(items) {
                        let mut l = l;
                        l.transform(s);
                    }
                }
            }
            Limit::Fields(f) => (&f).transform(schema),
        }
    }
}

/// Limits on fields of a type that requests share with replies and events (a ticket's
/// customer and machine, a visit's part lines): stated where a request uses the type,
/// next to its reference (`allOf`), so the replies and events, which carry masked or
/// system-made values, keep the type's own schema. A field may be named more than once.
#[derive(Debug, Clone, Copy)]
pub struct Fields(pub &'static [(&'static str, Limit)]);

impl Transform for &Fields {
    fn transform(&mut self, schema: &mut Schema) {
        let mut props = serde_json::Map::new();
        for (name, limit) in self.0 {
            let entry = props.entry(*name).or_insert_with(|| json!({}));
            if let Ok(s) = <&mut Schema>::try_from(entry) {
                let mut limit = limit;
                limit.transform(s);
            }
        }
        let refinement = json!({ "properties": props });
        let refine = |s: &mut Value| match s {
            Value::Object(o) if o.is_empty() => {
                o.insert("properties".into(), refinement["properties"].clone());
            }
            Value::Object(o) if o.get("allOf").is_some_and(Value::is_array) => {
                if let Some(all) = o.get_mut("allOf").and_then(Value::as_array_mut) {
                    all.push(refinement.clone());
                }
            }
            other => {
                let old = std::mem::take(other);
                *other = json!({ "allOf": [old, refinement.clone()] });
            }
        };
        let mut value = schema.as_value().clone();
        let optional = value
            .get("anyOf")
            .and_then(Value::as_array)
            .is_some_and(|a| a.iter().any(|s| s.get("type") == Some(&json!("null"))));
        if optional {
            if let Some(any) = value.get_mut("anyOf").and_then(Value::as_array_mut) {
                for s in any.iter_mut() {
                    if s.get("type") != Some(&json!("null")) {
                        refine(s);
                    }
                }
            }
        } else {
            refine(&mut value);
        }
        if let Ok(s) = Schema::try_from(value) {
            *schema = s;
        }
    }
}

/// A text field of a fixed shape: the pattern the schema states and the check that
/// accepts exactly what it matches.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// The regular expression, anchored.
    pub pattern: &'static str,
    /// Whether a value has the shape.
    pub matches: fn(&str) -> bool,
}

impl Transform for &Shape {
    fn transform(&mut self, schema: &mut Schema) {
        let p = self.pattern;
        on_string(schema, &|o| {
            o.insert("pattern".into(), json!(p));
        });
    }
}

/// A ticket's human number as a customer types it (`T2026-000042`; case and surrounding
/// space do not matter).
pub const TICKET_NUMBER: Shape = Shape {
    pattern: r"^\s*[Tt][0-9-]{3,31}\s*$",
    matches: |raw| {
        let n = raw.trim();
        (4..=32).contains(&n.len())
            && n.starts_with(['T', 't'])
            && n[1..].bytes().all(|b| b.is_ascii_digit() || b == b'-')
    },
};

/// A one-time code sent by SMS: six digits (surrounding space does not matter).
pub const SIX_DIGITS: Shape = Shape {
    pattern: r"^\s*[0-9]{6}\s*$",
    matches: |raw| {
        let c = raw.trim();
        c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit())
    },
};

/// The years a calendar date may fall in: days are stored as ISO text, which sorts as
/// dates only with four-digit years.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

/// A calendar date (`2026-11-23`) in [`YEARS`].
pub const DAY: Shape = Shape {
    pattern: r"^(19[0-9]{2}|[2-9][0-9]{3})-[0-9]{2}-[0-9]{2}$",
    matches: |raw| {
        chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .is_ok_and(|d| raw.len() == 10 && YEARS.contains(&chrono::Datelike::year(&d)))
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_pattern_asks_for_min_characters_between_non_space() {
        assert_eq!(Text::new(0, 5).pattern(), None);
        let p = Text::new(3, 9).pattern().expect("pattern");
        assert!(p.ends_with(']') && p.contains("{1,}"), "{p}");
    }

    #[test]
    fn shapes_accept_what_their_patterns_say() {
        for ok in ["T2026-000042", " t2026-1 ", "T123"] {
            assert!((TICKET_NUMBER.matches)(ok), "{ok}");
        }
        for bad in ["T12", "X2026-000042", "T2026_1", ""] {
            assert!(!(TICKET_NUMBER.matches)(bad), "{bad}");
        }
        assert!((DAY.matches)("2026-11-23"));
        assert!((DAY.matches)("1900-01-01"));
        assert!(!(DAY.matches)("1899-12-31"));
        assert!(!(DAY.matches)("2026-02-30"));
    }
}
