//! The language the page speaks: a setting, like the speed of runs. The
//! model keeps it (the link carries it; preset tasks are named in it); the
//! words themselves are the presentation's.

/// A language the page speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Russian, the course's own language.
    Ru,
    /// English.
    En,
}

impl Lang {
    /// Both languages, as the switch lists them.
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::En];

    /// The language for a browser's language tag (`navigator.language`):
    /// Russian for `ru`, `ru-RU` and the like, English otherwise.
    pub fn from_tag(tag: &str) -> Self {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("ru") {
            Lang::Ru
        } else {
            Lang::En
        }
    }

    /// The BCP 47 tag, for the page's `lang` attribute and the link.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_browser_language_picks_russian_or_english() {
        assert_eq!(Lang::from_tag("ru"), Lang::Ru);
        assert_eq!(Lang::from_tag("ru-RU"), Lang::Ru);
        assert_eq!(Lang::from_tag("RU_ru"), Lang::Ru);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("rus"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }
}
