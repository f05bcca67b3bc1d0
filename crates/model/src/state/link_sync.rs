//! The link's slice of the state: the link of the scenario in the editor,
//! how the address bar should follow its last change, and what the link
//! the page was opened with carried that could not be used.

use std::rc::Rc;

use crate::link::{self, Problem, Shared};

/// How the address bar follows a change of the link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkChange {
    /// Replace the current history entry: typing, small changes.
    Replace,
    /// Add a history entry, so Back returns to the scenario before: a
    /// preset, adding or removing tasks.
    Push,
}

/// What comes to the page through its address.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkAction {
    /// Open what a link carries (the address changed: Back, Forward, or
    /// an edit by hand).
    Open(link::Read),
    /// Hide the notice about the link.
    DismissNotice,
    /// The words of the problems of the link `source` came (a line for
    /// each; empty if they could not be said).
    Worded {
        /// The link they are about ([`link::Read::source`]).
        source: Rc<str>,
        /// The words.
        words: Rc<str>,
    },
}

/// The page's link, kept in step with what it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkSync {
    /// The link of the scenario in the editor (without `#`); while a field
    /// is invalid, or the scenario is too big for a link, the last one.
    pub current: Rc<str>,
    /// The scenario in the editor is too big for a link: the bytes its link
    /// would take, over [`link::MAX_LINK_BYTES`]. The page says so where the
    /// link is shared, and the address keeps the last link that fit.
    pub unlinkable: Option<usize>,
    /// How the last change to the link should reach the address bar.
    pub change: LinkChange,
    /// What could not be used in the link the page was opened with.
    pub notice: Rc<[Problem]>,
    /// That link, as it was read ([`link::Read::source`]), while the
    /// notice shows.
    pub notice_source: Rc<str>,
    /// The words of its problems, once they came: the notice shows then.
    pub notice_words: Option<Rc<str>>,
}

impl Default for LinkSync {
    fn default() -> Self {
        Self {
            current: Rc::from(""),
            unlinkable: None,
            change: LinkChange::Replace,
            notice: Rc::new([]),
            notice_source: Rc::from(""),
            notice_words: None,
        }
    }
}

impl LinkSync {
    /// Writes the link of `shared` (what the page shows, when it is valid),
    /// noting how the address bar should follow if it changed. An invalid
    /// scenario keeps the last valid link; one too big for a link keeps the
    /// last that fit.
    pub fn follow(&mut self, shared: Option<&Shared>, change: LinkChange) {
        let Some(shared) = shared else {
            return;
        };
        let link = link::write(shared);
        self.unlinkable = (link.len() > link::MAX_LINK_BYTES).then_some(link.len());
        if self.unlinkable.is_none() && *self.current != *link {
            self.current = link.into();
            self.change = change;
        }
    }

    /// Whether `read` would change what the page shows: it carries another
    /// link than the page's, or problems to say.
    pub fn is_news(&self, read: &link::Read) -> bool {
        *self.current != *link::write(&read.shared) || !read.problems.is_empty()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::state::testing::*;

    #[test]
    fn a_scenario_too_big_for_a_link_keeps_the_last_link_and_says_so() {
        let mut state = Playground::new(Lang::En);
        let before = state.link.current.clone();
        let name = "ж".repeat(crate::scenario::MAX_NAME_CHARS);
        let shared = Shared {
            scenario: Rc::new(Scenario::named_distinct(3000, &name)),
            ..Shared::default()
        };
        state.apply(Action::Link(LinkAction::Open(link::Read {
            shared,
            problems: Vec::new(),
            source: Rc::from(""),
        })));
        assert_eq!(state.editor.drafts.len(), 3000, "the scenario is on screen");
        assert!(state
            .link
            .unlinkable
            .is_some_and(|bytes| bytes > link::MAX_LINK_BYTES));
        assert_eq!(
            state.link.current, before,
            "the address keeps the last link that fit"
        );
        state.apply(Action::Edit(EditAction::RemoveAll));
        state.apply(Action::Edit(EditAction::AddTask));
        assert_eq!(state.link.unlinkable, None);
        assert_ne!(state.link.current, before);
    }

    #[test]
    fn a_link_opens_its_scenario_and_its_settings() {
        let state = Playground::open(
            link::read("#tasks=boil:3,1&mode=compare&scale=10&lang=ru&embed=1"),
            Lang::En,
        );
        assert_eq!(state.editor.drafts.len(), 2);
        assert_eq!(state.editor.drafts[0].name, "boil");
        assert_eq!(state.mode, RunChoice::Compare);
        assert_eq!(state.scale, Scale::X10);
        assert_eq!((state.lang, state.lang_chosen), (Lang::Ru, true));
        assert!(state.embed);
        assert!(state.link.notice.is_empty());
        assert_eq!(
            &*state.link.current,
            "v=1&tasks=boil:3,1&limit=none&timeout=none&mode=compare&scale=10&lang=ru&embed=1"
        );
    }

    #[test]
    fn a_bad_link_opens_with_a_notice_until_dismissed() {
        let mut state = Playground::open(link::read("#tasks=abc"), Lang::En);
        assert_eq!(state.editor.drafts.len(), 30, "the course example instead");
        assert_eq!(state.link.notice.len(), 2);
        // Kept as it came, for the code worker to word its problems again.
        assert_eq!(&*state.link.notice_source, "tasks=abc");
        assert_eq!(
            link::read(&state.link.notice_source).problems,
            *state.link.notice
        );
        // Only the words about this link are taken.
        let worded = |source: &str| {
            Action::Link(LinkAction::Worded {
                source: Rc::from(source),
                words: Rc::from(format!("about {source}")),
            })
        };
        state.apply(worded("tasks=other"));
        assert_eq!(state.link.notice_words, None);
        state.apply(worded("tasks=abc"));
        assert_eq!(state.link.notice_words.as_deref(), Some("about tasks=abc"));
        state.apply(Action::Link(LinkAction::DismissNotice));
        assert!(state.link.notice.is_empty() && state.link.notice_source.is_empty());
        assert_eq!(state.link.notice_words, None);
        // A good link keeps nothing.
        assert!(link::read("#tasks=1").source.is_empty());
    }

    #[test]
    fn the_link_follows_the_editor_and_says_how_to_record_it() {
        let mut state = Playground::new(Lang::En);
        assert_eq!(
            &*state.link.current,
            "v=1&tasks=30x1&limit=none&timeout=none&mode=concurrent&scale=1"
        );

        state.apply(Action::Edit(EditAction::SetSteps(0, "2".into())));
        assert_eq!(
            &*state.link.current,
            "v=1&tasks=2,29x1&limit=none&timeout=none&mode=concurrent&scale=1"
        );
        assert_eq!(state.link.change, LinkChange::Replace);

        state.apply(Action::Edit(EditAction::SetSteps(0, "".into())));
        assert_eq!(
            &*state.link.current,
            "v=1&tasks=2,29x1&limit=none&timeout=none&mode=concurrent&scale=1",
            "an invalid field keeps the last valid link"
        );

        state.apply(Action::LoadPreset(Preset::LongestWins));
        assert_eq!(
            &*state.link.current,
            "v=1&tasks=1,3,10&limit=none&timeout=none&mode=concurrent&scale=1"
        );
        assert_eq!(state.link.change, LinkChange::Push);

        state.apply(Action::SetLang(Lang::Ru));
        state.apply(Action::SetScale(Scale::X100));
        assert_eq!(
            &*state.link.current,
            "v=1&tasks=1,3,10&limit=none&timeout=none&mode=concurrent&scale=100&lang=ru"
        );
        state.apply(start(&state, RunChoice::Sequential));
        assert!(state.link.current.contains("mode=sequential"));
    }

    #[test]
    fn a_link_opened_from_the_address_bar_replaces_the_entry() {
        let mut state = Playground::new(Lang::En);
        state.apply(Action::LoadPreset(Preset::LongestWins));
        assert_eq!(state.link.change, LinkChange::Push);
        // Written by hand, not in the form the page writes.
        state.apply(Action::Link(LinkAction::Open(link::read("#tasks=4,5"))));
        assert_eq!(
            &*state.link.current,
            "v=1&tasks=4,5&limit=none&timeout=none&mode=concurrent&scale=1"
        );
        assert_eq!(state.link.change, LinkChange::Replace);
    }

    #[test]
    fn opening_the_link_the_page_already_shows_changes_nothing() {
        let mut state = Playground::new(Lang::En);
        state.apply(start(&state, RunChoice::Concurrent));
        let link = state.link.current.to_string();
        state.apply(Action::Link(LinkAction::Open(link::read(&link))));
        assert_eq!(state.run.phase, Phase::Running, "the run goes on");
        assert_eq!(state.run.recordings.len(), 1);

        state.apply(Action::Run(RunAction::Stop));
        state.apply(Action::Link(LinkAction::Open(link::read("#tasks=5"))));
        assert_eq!(state.editor.drafts.len(), 1);
        assert!(state.run.recordings.is_empty());
    }
}
