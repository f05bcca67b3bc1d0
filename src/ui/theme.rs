//! Light or dark: the system's choice unless the learner picks one, kept
//! in this browser's storage (it never leaves it). The page's loader
//! (www/boot.js) applies a kept choice before the first paint.

use presentation::i18n::Text;

/// Where the choice is kept; www/boot.js reads the same key.
const KEY: &str = "async-playground:theme";

/// The page's colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// As the system is set (`prefers-color-scheme`).
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The value of `data-theme` on `<html>`, none for the system's.
    fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    /// What its button says.
    pub fn label(self) -> Text {
        match self {
            Theme::System => Text::ThemeSystem,
            Theme::Light => Text::ThemeLight,
            Theme::Dark => Text::ThemeDark,
        }
    }

    /// A name for tests and styles.
    pub fn id(self) -> &'static str {
        self.attribute().unwrap_or("system")
    }

    /// The theme the page shows now.
    pub fn current() -> Self {
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        match root.and_then(|r| r.get_attribute("data-theme")).as_deref() {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::System,
        }
    }

    /// Shows this theme and keeps the choice for the next visit. Storage
    /// may be refused (private modes, blocked cookies): the page still
    /// switches.
    pub fn apply(self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(root) = window.document().and_then(|d| d.document_element()) {
            let _ = match self.attribute() {
                Some(value) => root.set_attribute("data-theme", value),
                None => root.remove_attribute("data-theme"),
            };
        }
        if let Ok(Some(storage)) = window.local_storage() {
            let _ = match self.attribute() {
                Some(value) => storage.set_item(KEY, value),
                None => storage.remove_item(KEY),
            };
        }
    }
}
