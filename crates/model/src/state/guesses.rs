//! The guesses' slice of the state: whether the page asks the learner to
//! guess each total before a run, and what they typed ([`Guesses`]).

use crate::guess::Guesses;
use crate::scenario::Mode;

/// What the learner does with guesses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GuessAction {
    /// Ask for a guess before each run, hiding the prediction until then,
    /// or stop asking.
    SetGuessing(bool),
    /// Type into the guess of a mode's total.
    SetGuess(Mode, String),
}

impl Guesses {
    /// Applies one action.
    pub fn apply(&mut self, action: GuessAction) {
        match action {
            GuessAction::SetGuessing(on) => self.on = on,
            GuessAction::SetGuess(mode, text) => self.set(mode, text),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::state::testing::*;
    use crate::view;

    #[test]
    fn guessing_hides_the_prediction_until_a_run_starts() {
        let mut state = after([Action::Link(LinkAction::Open(link::read(
            "#tasks=30x1&guess=1",
        )))]);
        assert!(state.guesses.on);
        assert!(view::prediction_hidden(&state));
        assert!(
            state.link.current.ends_with("&guess=1"),
            "{}",
            state.link.current
        );

        state.apply(Action::Guess(GuessAction::SetGuess(
            Mode::Concurrent,
            "30".into(),
        )));
        let link = state.link.current.clone();
        state.apply(Action::Guess(GuessAction::SetGuess(
            Mode::Sequential,
            "thirty".into(),
        )));
        assert!(
            Rc::ptr_eq(&link, &state.link.current),
            "a guess is not in the link"
        );
        assert_eq!(state.guesses.text(Mode::Sequential), "thirty");

        state.apply(start(&state, RunChoice::Compare));
        assert!(
            !view::prediction_hidden(&state),
            "shown once the run starts"
        );
        state.apply(Action::Run(RunAction::Stop));
        assert!(!view::prediction_hidden(&state), "and after it");

        state.apply(Action::Edit(EditAction::SetName(0, "fetch".into())));
        assert!(view::prediction_hidden(&state), "an edit asks again");
        assert_eq!(
            state.guesses.value(Mode::Concurrent),
            Ok(Some(Duration::from_secs(30))),
            "keeping what was typed"
        );
    }

    #[test]
    fn a_new_scenario_forgets_the_guesses_and_the_same_one_keeps_them() {
        let mut state = after([
            Action::Guess(GuessAction::SetGuessing(true)),
            Action::Guess(GuessAction::SetGuess(Mode::Concurrent, "30".into())),
        ]);
        assert!(
            state.link.current.ends_with("&guess=1"),
            "{}",
            state.link.current
        );
        assert_eq!(state.link.change, LinkChange::Replace);
        state.apply(Action::LoadPreset(Preset::CourseFirstExample));
        assert_eq!(
            state.guesses.text(Mode::Concurrent),
            "30",
            "the same scenario"
        );
        state.apply(Action::LoadPreset(Preset::LongestWins));
        assert_eq!(state.guesses.text(Mode::Concurrent), "");
        assert!(state.guesses.on, "still asking");

        state.apply(Action::Guess(GuessAction::SetGuessing(false)));
        assert!(!view::prediction_hidden(&state));
        assert!(
            !state.link.current.contains("guess"),
            "{}",
            state.link.current
        );
    }
}
