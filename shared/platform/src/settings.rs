//! Reading a service's settings from named values. Each service's `Config` is built once
//! by the binary, which passes the process environment as the lookup; tests pass their own
//! values, so no library reads the environment and a bad value's error names its variable.

use std::ops::RangeInclusive;

/// A setting's value by its environment variable name; `None` when unset.
pub type Lookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The process environment as a [`Lookup`], for the binary.
pub fn from_environment(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// A whole number setting within `range`, `default` when unset; a value that is not a
/// whole number in the range is an error naming the variable and the value.
pub fn whole_number(
    get: Lookup<'_>,
    name: &str,
    range: RangeInclusive<u32>,
    default: u32,
) -> Result<u32, String> {
    match get(name) {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or_else(|| {
                format!(
                    "{name} must be a whole number from {} to {}, not {v:?}",
                    range.start(),
                    range.end()
                )
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_default_when_unset_and_name_the_variable_when_bad() {
        let unset = |_: &str| None;
        assert_eq!(whole_number(&unset, "X_DAYS", 0..=60, 7), Ok(7));
        let set = |v: &'static str| move |_: &str| Some(v.to_owned());
        assert_eq!(whole_number(&set(" 40 "), "X_DAYS", 0..=60, 7), Ok(40));
        for bad in ["61", "-1", "seven", ""] {
            let e = whole_number(&set(bad), "X_DAYS", 0..=60, 7).expect_err(bad);
            assert_eq!(
                e,
                format!("X_DAYS must be a whole number from 0 to 60, not {bad:?}")
            );
        }
    }
}
