//! Ready scenarios taken from the course.

use std::time::Duration;

use crate::i18n::Text;
use crate::scenario::{Scenario, Task};

/// A scenario the page offers ready-made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// The course's first example: 30 tasks that each sleep 1 s, which
    /// `asyncio.gather` finishes in a little over 1 s.
    CourseFirstExample,
    /// Tasks of 1 s, 3 s and 10 s: together they take as long as the
    /// longest, 10 s.
    LongestWins,
}

impl Preset {
    /// Every preset, in the order the page lists them.
    pub const ALL: [Preset; 2] = [Preset::CourseFirstExample, Preset::LongestWins];

    /// The preset's scenario.
    pub fn scenario(self) -> Scenario {
        match self {
            Preset::CourseFirstExample => Scenario::uniform(30, Duration::from_secs(1)),
            Preset::LongestWins => Scenario {
                tasks: [1, 3, 10]
                    .into_iter()
                    .map(|s| Task::unnamed(Duration::from_secs(s)))
                    .collect(),
            },
        }
    }

    /// Its title on the page.
    pub fn title(self) -> Text {
        match self {
            Preset::CourseFirstExample => Text::PresetCourse,
            Preset::LongestWins => Text::PresetLongest,
        }
    }

    /// A stable name for test hooks.
    pub fn id(self) -> &'static str {
        match self {
            Preset::CourseFirstExample => "course",
            Preset::LongestWins => "longest",
        }
    }
}
