//! The plan: the valid scenario in the editor with both modes'
//! predictions, computed once per edit and shared by runs, the link, the
//! runtime and the page.

use std::rc::Rc;

use crate::limits::CANCELLABLE;
use crate::recording::Recording;
use crate::scenario::{Mode, Scenario, Traits};
use crate::simulate::{predict, Prediction};

/// The valid scenario in the editor and both modes' predictions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The scenario.
    pub scenario: Rc<Scenario>,
    /// One after another.
    pub sequential: Rc<Prediction>,
    /// All at once.
    pub concurrent: Rc<Prediction>,
    /// What the scenario is like: read once here, not by every recording
    /// of a run (a pass over 100,000 tasks each, when Run is pressed).
    pub traits: Traits,
}

impl Plan {
    /// The plan of `scenario`: both predictions, worked out now.
    pub fn new(scenario: Scenario) -> Self {
        Self {
            sequential: Rc::new(predict(&scenario, Mode::Sequential)),
            concurrent: Rc::new(predict(&scenario, Mode::Concurrent)),
            traits: scenario.traits(),
            scenario: Rc::new(scenario),
        }
    }

    /// An empty recording of a run of the scenario in `mode`.
    pub fn recording(&self, mode: Mode) -> Recording {
        Recording::with_traits(
            mode,
            self.scenario.clone(),
            self.prediction(mode).clone(),
            self.traits,
        )
    }

    /// The prediction for `mode`.
    pub fn prediction(&self, mode: Mode) -> &Rc<Prediction> {
        match mode {
            Mode::Sequential => &self.sequential,
            Mode::Concurrent => &self.concurrent,
        }
    }

    /// Whether the modes of one run go side by side (see
    /// [`Traits::modes_side_by_side`]).
    pub fn side_by_side(&self) -> bool {
        self.traits.modes_side_by_side()
    }

    /// Whether the learner can cancel each task of a run: its lane has the
    /// button (up to [`CANCELLABLE`] tasks).
    pub fn cancellable(&self) -> bool {
        self.scenario.tasks.len() <= CANCELLABLE
    }
}
