//! Demand forecasts for spare parts from consumption history (one figure per period, e.g.
//! month), free of I/O.
//!
//! Spare-parts demand is mostly intermittent: many periods without demand, then a few
//! units. For that, Croston's method smooths the demand sizes and the intervals between
//! demands separately; the Syntetos–Boylan approximation (SBA) removes its known upward bias
//! by a factor (1 − α/2); TSB (Teunter–Syntetos–Babai) smooths the probability of demand
//! every period, so a part that stops selling fades out. Regular ("smooth") demand is
//! forecast by simple exponential smoothing. The pattern is decided by the usual
//! Syntetos–Boylan cut-offs: average demand interval 1.32 and squared coefficient of
//! variation of the sizes 0.49.
//!
//! A backtest replays the history one period at a time and reports the mean absolute
//! scaled error (MASE: the forecast's mean absolute error over that of the naive
//! "same as last period" forecast on the history) and the bias.

/// A forecasting method.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Method {
    /// Simple exponential smoothing with this α.
    Ses(f64),
    /// Croston with this α.
    Croston(f64),
    /// Syntetos–Boylan approximation with this α.
    Sba(f64),
    /// Teunter–Syntetos–Babai with α (sizes) and β (probability).
    Tsb(f64, f64),
}

/// The demand pattern of a history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// Regular and steady.
    Smooth,
    /// Regular in time, irregular in size.
    Erratic,
    /// Irregular in time, steady in size.
    Intermittent,
    /// Irregular in both.
    Lumpy,
    /// No demand at all.
    None,
}

/// Average demand interval (periods per demand) and squared coefficient of variation of the
/// non-zero sizes; `None` without demand.
pub fn adi_cv2(history: &[f64]) -> Option<(f64, f64)> {
    let sizes: Vec<f64> = history.iter().copied().filter(|d| *d > 0.0).collect();
    if sizes.is_empty() {
        return None;
    }
    let adi = history.len() as f64 / sizes.len() as f64;
    let mean = sizes.iter().sum::<f64>() / sizes.len() as f64;
    let var = sizes.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / sizes.len() as f64;
    Some((adi, var / (mean * mean)))
}

/// Classifies a history by the Syntetos–Boylan cut-offs.
pub fn pattern(history: &[f64]) -> Pattern {
    match adi_cv2(history) {
        None => Pattern::None,
        Some((adi, cv2)) => match (adi > 1.32, cv2 > 0.49) {
            (false, false) => Pattern::Smooth,
            (false, true) => Pattern::Erratic,
            (true, false) => Pattern::Intermittent,
            (true, true) => Pattern::Lumpy,
        },
    }
}

/// The method for a history: SES for smooth demand, SBA otherwise (α = 0.1 as usual for
/// spare parts, 0.3 for SES).
pub fn choose(history: &[f64]) -> Method {
    match pattern(history) {
        Pattern::Smooth => Method::Ses(0.3),
        _ => Method::Sba(0.1),
    }
}

fn ses(history: &[f64], alpha: f64) -> f64 {
    let mut it = history.iter();
    let Some(first) = it.next() else { return 0.0 };
    it.fold(*first, |level, d| level + alpha * (d - level))
}

/// Croston's size and interval estimates after the history, if there was demand.
fn croston_parts(history: &[f64], alpha: f64) -> Option<(f64, f64)> {
    let first = history.iter().position(|d| *d > 0.0)?;
    let (mut z, mut p) = (history[first], (first + 1) as f64);
    let mut since = 0.0;
    for d in &history[first + 1..] {
        since += 1.0;
        if *d > 0.0 {
            z += alpha * (d - z);
            p += alpha * (since - p);
            since = 0.0;
        }
    }
    Some((z, p))
}

fn tsb(history: &[f64], alpha: f64, beta: f64) -> f64 {
    let Some(first) = history.iter().position(|d| *d > 0.0) else {
        return 0.0;
    };
    let (mut z, mut p) = (history[first], 1.0 / (first + 1) as f64);
    for d in &history[first + 1..] {
        let hit = if *d > 0.0 { 1.0 } else { 0.0 };
        p += beta * (hit - p);
        if *d > 0.0 {
            z += alpha * (d - z);
        }
    }
    p * z
}

/// The forecast demand per period after `history`.
pub fn forecast(history: &[f64], method: Method) -> f64 {
    match method {
        Method::Ses(a) => ses(history, a),
        Method::Croston(a) => croston_parts(history, a).map_or(0.0, |(z, p)| z / p),
        Method::Sba(a) => croston_parts(history, a).map_or(0.0, |(z, p)| (1.0 - a / 2.0) * z / p),
        Method::Tsb(a, b) => tsb(history, a, b),
    }
}

/// A forecast scaled for the next period: by the change of the installed base (machines
/// under service now ÷ on average over the history) and the sales plan (1.0 = as is).
pub fn scaled(per_period: f64, installed_now: f64, installed_then: f64, sales_factor: f64) -> f64 {
    let base = if installed_then > 0.0 {
        installed_now / installed_then
    } else {
        1.0
    };
    (per_period * base * sales_factor).max(0.0)
}

/// How a method did on the history.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Backtest {
    /// Periods forecast (after the warm-up).
    pub periods: usize,
    /// Mean absolute error.
    pub mae: f64,
    /// MAE over the naive forecast's in-sample MAE; `None` when the history never changes.
    pub mase: Option<f64>,
    /// Mean of forecast − actual (positive: over-forecast).
    pub bias: f64,
}

/// Replays the history: each period from `warmup` on is forecast from the periods before it.
pub fn backtest(history: &[f64], method: Method, warmup: usize) -> Option<Backtest> {
    let warmup = warmup.max(1);
    if history.len() <= warmup {
        return None;
    }
    let errors: Vec<f64> = (warmup..history.len())
        .map(|t| forecast(&history[..t], method) - history[t])
        .collect();
    let n = errors.len() as f64;
    let mae = errors.iter().map(|e| e.abs()).sum::<f64>() / n;
    let naive: Vec<f64> = history.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
    let scale = naive.iter().sum::<f64>() / naive.len() as f64;
    Some(Backtest {
        periods: errors.len(),
        mae,
        mase: (scale > 0.0).then(|| mae / scale),
        bias: errors.iter().sum::<f64>() / n,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} != {b}");
    }

    #[test]
    fn ses_against_hand_computed_values() {
        // 2 → 2 + .5(4 − 2) = 3 → 3 + .5(6 − 3) = 4.5
        close(forecast(&[2.0, 4.0, 6.0], Method::Ses(0.5)), 4.5);
        close(forecast(&[], Method::Ses(0.5)), 0.0);
    }

    #[test]
    fn croston_and_sba_against_hand_computed_values() {
        // First demand 3 in period 2: z = 3, p = 2. Next demand 6 three periods later:
        // z = 3 + .5(6 − 3) = 4.5, p = 2 + .5(3 − 2) = 2.5; forecast 4.5 / 2.5 = 1.8.
        let h = [0.0, 3.0, 0.0, 0.0, 6.0];
        close(forecast(&h, Method::Croston(0.5)), 1.8);
        // SBA: × (1 − .5 / 2) = 1.35.
        close(forecast(&h, Method::Sba(0.5)), 1.35);
        close(forecast(&[0.0, 0.0], Method::Croston(0.5)), 0.0);
    }

    #[test]
    fn tsb_fades_a_part_that_stopped_selling() {
        // p: 1/2 → .25 → .125 → .5625 (demand); z: 3 → 4.5; forecast .5625 × 4.5.
        let h = [0.0, 3.0, 0.0, 0.0, 6.0];
        close(forecast(&h, Method::Tsb(0.5, 0.5)), 2.53125);
        // Then ten empty periods: the forecast decays towards zero; Croston's does not move.
        let mut quiet = h.to_vec();
        quiet.extend([0.0; 10]);
        assert!(forecast(&quiet, Method::Tsb(0.5, 0.5)) < 0.01);
        close(forecast(&quiet, Method::Croston(0.5)), 1.8);
    }

    #[test]
    fn patterns_follow_the_syntetos_boylan_cut_offs() {
        assert_eq!(pattern(&[5.0, 6.0, 5.0, 4.0]), Pattern::Smooth);
        assert_eq!(pattern(&[1.0, 9.0, 1.0, 12.0]), Pattern::Erratic);
        assert_eq!(
            pattern(&[0.0, 2.0, 0.0, 0.0, 2.0, 0.0]),
            Pattern::Intermittent
        );
        assert_eq!(pattern(&[0.0, 1.0, 0.0, 0.0, 12.0, 0.0]), Pattern::Lumpy);
        assert_eq!(pattern(&[0.0, 0.0]), Pattern::None);
        assert_eq!(choose(&[5.0, 6.0, 5.0, 4.0]), Method::Ses(0.3));
        assert_eq!(choose(&[0.0, 2.0, 0.0, 0.0, 2.0, 0.0]), Method::Sba(0.1));
        let (adi, cv2) = adi_cv2(&[0.0, 2.0, 0.0, 4.0]).expect("demand");
        close(adi, 2.0);
        close(cv2, 1.0 / 9.0); // sizes 2 and 4: mean 3, variance 1
    }

    #[test]
    fn the_backtest_against_hand_computed_values() {
        // SES .5 on 2, 4, 6, 8 from period 2: forecasts 2, 3, 4.5 for 4, 6, 8.
        let b = backtest(&[2.0, 4.0, 6.0, 8.0], Method::Ses(0.5), 1).expect("backtest");
        assert_eq!(b.periods, 3);
        close(b.mae, (2.0 + 3.0 + 3.5) / 3.0);
        // The naive forecast's in-sample error is 2 every period.
        close(b.mase.expect("scale"), (8.5 / 3.0) / 2.0);
        close(b.bias, -(8.5 / 3.0));
        // A flat history has no naive error to scale by.
        assert_eq!(
            backtest(&[1.0, 1.0, 1.0], Method::Ses(0.5), 1).and_then(|b| b.mase),
            None
        );
        assert_eq!(backtest(&[1.0], Method::Ses(0.5), 1), None);
    }

    #[test]
    fn forecasts_scale_with_the_installed_base_and_the_sales_plan() {
        // 120 machines now against 100 on average, sales plan +10 %.
        close(scaled(2.0, 120.0, 100.0, 1.1), 2.64);
        close(scaled(2.0, 120.0, 0.0, 1.0), 2.0);
        close(scaled(2.0, 100.0, 100.0, -1.0), 0.0);
    }
}
