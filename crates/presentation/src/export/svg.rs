//! A run's timeline as an SVG picture for slides (the page draws it again
//! as PNG): the same layout as the page's timeline, in the page's words.

use std::fmt::Write as _;
use std::time::Duration;

use crate::i18n::numbers::seconds_3;
use crate::i18n::summaries::distorted;
use crate::i18n::Text;
use model::events::Outcome;
use model::fixed::Fixed;
use model::lang::Lang;
use model::recording::Recording;
use model::scenario::Mode;
use model::timeline::{self, LaneState, Timeline};

/// Width of the exported picture, in SVG units (pixels at 1×).
pub const SVG_WIDTH: u32 = 960;
const LANE_HEIGHT: u32 = 14;
const GUTTER: u32 = 120;
const AGGREGATE_HEIGHT: u32 = 160;

/// The timelines of `recordings` as a standalone SVG picture on a white
/// background, with a legend: each state has its own colour and, as on the
/// page, waiting its own stripes. Every text in it is escaped.
pub fn svg(recordings: &[Recording], lang: Lang) -> String {
    // Saved runs have ended: each clock reads its total, or where it was
    // stopped, whatever the run clock says.
    let axis = timeline::axis_length(recordings, Duration::ZERO);
    let plot = f64::from(SVG_WIDTH - GUTTER - 20);
    let x = |percent: f64| Fixed(f64::from(GUTTER) + percent / 100.0 * plot, 1);
    let mut body = String::new();
    let mut y = 10;
    for recording in recordings {
        let title = match recording.mode {
            Mode::Sequential => Text::ModeSequential,
            Mode::Concurrent => Text::ModeConcurrent,
        };
        let seconds = |at| format!("{} {}", seconds_3(at), Text::Seconds.get(lang));
        let total = match (recording.total, recording.stopped_at()) {
            (Some(total), _) => seconds(total),
            (None, Some(stopped)) => {
                format!("{} ({})", seconds(stopped), Text::StateStopped.get(lang))
            }
            (None, None) => "—".to_owned(),
        };
        let distorted = match recording.distortion() {
            Some(_) => format!(" ({})", distorted(lang)),
            None => String::new(),
        };
        y += 18;
        let _ = writeln!(
            body,
            r#"<text x="10" y="{y}" font-weight="600">{}: {}{}</text>"#,
            escape(title.get(lang)),
            escape(&total),
            escape(&distorted)
        );
        y += 8;
        match timeline::layout(recording, axis) {
            Timeline::Lanes(lanes) => {
                for lane in lanes {
                    let _ = writeln!(
                        body,
                        r#"<text x="{}" y="{}" text-anchor="end" font-size="10">{}</text>"#,
                        GUTTER - 6,
                        y + 10,
                        escape(&lane.label)
                    );
                    // A task cut short (timed out or cancelled) is outlined
                    // in red, as on the page.
                    let cut_short = matches!(lane.state, LaneState::Ended(o) if o != Outcome::Done);
                    if let (true, Some(first), Some(last)) =
                        (cut_short, lane.segments.first(), lane.segments.last())
                    {
                        let _ = writeln!(
                            body,
                            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#b3261e" stroke-width="2"/>"##,
                            x(first.left),
                            y + 1,
                            Fixed(((last.right - first.left) / 100.0 * plot).max(2.0), 1),
                            LANE_HEIGHT - 2
                        );
                    }
                    for segment in &lane.segments {
                        let fill = fill(segment.state, lane.state);
                        if fill.is_empty() {
                            continue;
                        }
                        let _ = writeln!(
                            body,
                            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"/>"#,
                            x(segment.left),
                            y + 2,
                            Fixed(((segment.right - segment.left) / 100.0 * plot).max(1.0), 1),
                            LANE_HEIGHT - 4
                        );
                    }
                    y += LANE_HEIGHT;
                }
            }
            Timeline::Aggregate(columns) => {
                let done = timeline::area_path(columns.iter().map(|c| c.done));
                let waiting = timeline::area_path(columns.iter().map(|c| c.waiting));
                let _ = writeln!(
                    body,
                    r##"<svg x="{GUTTER}" y="{y}" width="{}" height="{AGGREGATE_HEIGHT}" viewBox="0 0 100 100" preserveAspectRatio="none"><rect width="100" height="100" fill="#f5f7fb"/><path d="{done}" fill="#e69f00"/><path d="{waiting}" fill="#0072b2"/></svg>"##,
                    Fixed(plot, 1)
                );
                y += AGGREGATE_HEIGHT;
            }
        }
        y += 6;
    }
    // The axis, in scenario seconds.
    let _ = writeln!(
        body,
        r##"<line x1="{GUTTER}" y1="{y}" x2="{}" y2="{y}" stroke="#5b6478"/>"##,
        x(100.0)
    );
    for tick in timeline::ticks(axis) {
        let _ = writeln!(
            body,
            r##"<text x="{}" y="{}" text-anchor="middle" font-size="10" fill="#5b6478">{} {}</text>"##,
            x(tick.left),
            y + 12,
            escape(&tick.label),
            escape(Text::Seconds.get(lang))
        );
    }
    y += 24;
    // The legend.
    let mut legend_x = 10;
    for (state, text) in [
        (LaneState::Waiting, Text::LegendWaiting),
        (LaneState::Running, Text::LegendRunning),
        (LaneState::Offloaded, Text::LegendOffloaded),
        (LaneState::Receiving, Text::LegendReceiving),
        (LaneState::Blocked, Text::LegendBlocked),
        (LaneState::Delayed, Text::LegendDelayed),
        (LaneState::Ended(Outcome::Done), Text::LegendDone),
        (LaneState::Ended(Outcome::Cancelled), Text::LegendCancelled),
    ] {
        let label = text.get(lang);
        let width = legend_width(label);
        if legend_x + width > SVG_WIDTH {
            legend_x = 10;
            y += 16;
        }
        let swatch = match state {
            LaneState::Ended(Outcome::Cancelled) => {
                r##"fill="none" stroke="#b3261e" stroke-width="2""##.to_owned()
            }
            _ => format!(r#"fill="{}""#, fill(state, LaneState::Pending)),
        };
        let _ = writeln!(
            body,
            r#"<rect x="{legend_x}" y="{y}" width="18" height="10" {swatch}/><text x="{}" y="{}" font-size="11">{}</text>"#,
            legend_x + 22,
            y + 9,
            escape(label)
        );
        legend_x += width;
    }
    y += 20;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{SVG_WIDTH}" height="{y}" viewBox="0 0 {SVG_WIDTH} {y}" font-family="system-ui, sans-serif" font-size="12" fill="#1d2333">
<defs>
<pattern id="waiting" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="7" height="7" fill="#4f9fd1"/><rect width="4" height="7" fill="#0072b2"/></pattern>
<pattern id="offloaded" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#009e73"/><circle cx="2.5" cy="2.5" r="1" fill="#ffffff"/></pattern>
<pattern id="receiving" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#9ccbe8"/><rect width="3" height="5" fill="#0072b2"/></pattern>
</defs>
<rect width="100%" height="100%" fill="#ffffff"/>
{body}</svg>
"##
    )
}

/// The room a legend entry takes: its swatch, its label at 11 px (a
/// character is at most about 7.5 px wide there, Cyrillic capitals the
/// widest), and a gap before the next.
pub(super) fn legend_width(label: &str) -> u32 {
    22 + (label.chars().count() as u32 * 15).div_ceil(2) + 18
}

/// The fill of a segment in `state` on a lane that ended in `lane`: a
/// finished task's waits turn to the done colour, as on the page. Empty
/// for what is not drawn.
fn fill(state: LaneState, lane: LaneState) -> &'static str {
    let done = matches!(lane, LaneState::Ended(Outcome::Done));
    match state {
        LaneState::Pending | LaneState::Queued => "",
        LaneState::Waiting | LaneState::Offloaded | LaneState::Receiving | LaneState::Writing
            if done =>
        {
            "#e69f00"
        }
        LaneState::Waiting => "url(#waiting)",
        LaneState::Offloaded => "url(#offloaded)",
        LaneState::Receiving | LaneState::Writing => "url(#receiving)",
        LaneState::Running => "#d55e00",
        LaneState::Blocked => "#cc79a7",
        LaneState::Delayed => "#9aa0ad",
        LaneState::Ended(Outcome::Done) => "#e69f00",
        LaneState::Ended(_) | LaneState::Raised => "#b3261e",
    }
}

/// Text as SVG (XML) character data or attribute value.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            c => escaped.push(c),
        }
    }
    escaped
}
