//! Numbers written with a fixed number of decimals.
//!
//! `format!("{:.3}", x)` pulls the standard library's exact float printing
//! into the page (about 5 KB of wasm); the page only ever needs a few
//! decimals of modest numbers, which integer arithmetic writes as well.

use std::fmt;
use std::time::Duration;

/// `value` with `places` decimals (at most 9), rounded half away from zero,
/// as `{:.places$}` would write it but for exact ties.
#[derive(Clone, Copy, Debug)]
pub struct Fixed(pub f64, pub usize);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Fixed(value, places) = *self;
        let unit = 10_u64.pow(places.min(9) as u32);
        // Not a number is written as 0; a value too large saturates. The
        // page writes neither: these are widths, offsets and ratios.
        let scaled = (value.abs() * unit as f64).round() as u64;
        if value < 0.0 && scaled > 0 {
            f.write_str("-")?;
        }
        write_scaled(f, scaled, unit, places)
    }
}

/// A duration in seconds with `places` decimals (at most 9), rounded half
/// up: exact, from the duration's nanoseconds.
#[derive(Clone, Copy, Debug)]
pub struct Seconds(pub Duration, pub usize);

impl fmt::Display for Seconds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Seconds(duration, places) = *self;
        let unit = 10_u64.pow(places.min(9) as u32);
        let step = 1_000_000_000 / unit;
        // In u64, not u128 (whose printing would cost the page's download
        // more): whole seconds, then the nanoseconds rounded to `step`.
        let fraction = (u64::from(duration.subsec_nanos()) + step / 2) / step;
        let scaled = duration
            .as_secs()
            .saturating_mul(unit)
            .saturating_add(fraction);
        write_scaled(f, scaled, unit, places)
    }
}

fn write_scaled(f: &mut fmt::Formatter<'_>, scaled: u64, unit: u64, places: usize) -> fmt::Result {
    write!(f, "{}", scaled / unit)?;
    if places > 0 {
        write!(f, ".{:0places$}", scaled % unit)?;
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn writes_the_decimals_asked_for() {
        assert_eq!(Fixed(12.5, 3).to_string(), "12.500");
        assert_eq!(Fixed(0.0, 2).to_string(), "0.00");
        assert_eq!(Fixed(2.96, 1).to_string(), "3.0");
        assert_eq!(Fixed(-0.0004, 3).to_string(), "0.000");
        assert_eq!(Fixed(-1.25, 1).to_string(), "-1.3");
        assert_eq!(Fixed(7.0, 0).to_string(), "7");
        assert_eq!(
            Seconds(Duration::from_millis(1500), 4).to_string(),
            "1.5000"
        );
        assert_eq!(
            Seconds(Duration::from_micros(1_000_450), 3).to_string(),
            "1.000"
        );
        assert_eq!(
            Seconds(Duration::from_micros(1_000_500), 3).to_string(),
            "1.001"
        );
        assert_eq!(Seconds(Duration::from_secs(3600), 0).to_string(), "3600");
    }

    proptest! {
        /// Away from exact ties, which no measurement lands on, the same
        /// text as the standard library's.
        #[test]
        fn agrees_with_the_standard_library(value in -1e6f64..1e6, places in 0usize..=6) {
            let unit = 10_f64.powi(places as i32);
            let fraction = (value.abs() * unit).fract();
            prop_assume!((fraction - 0.5).abs() > 1e-6);
            let ours = Fixed(value, places).to_string();
            let std = format!("{value:.places$}");
            // The standard library keeps the sign of a value that rounds to
            // zero ("-0.000"); the page has no use for it.
            prop_assert_eq!(ours.as_str(), std.strip_prefix("-").filter(|s| s.bytes().all(|b| b == b'0' || b == b'.')).unwrap_or(&std));
        }

        #[test]
        fn seconds_agree_with_the_standard_library(nanos in 0u64..10_000_000_000_000, places in 0usize..=6) {
            let step = 10_u64.pow(9 - places as u32);
            prop_assume!(nanos % step != step / 2);
            let duration = Duration::from_nanos(nanos);
            prop_assert_eq!(Seconds(duration, places).to_string(), format!("{:.places$}", duration.as_secs_f64()));
        }
    }
}
