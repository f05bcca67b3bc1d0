//! Task names: what a name may hold, so that every output (the link, the
//! programs, the saved files) carries it unchanged.

/// The longest task name kept, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// What [`clean_name`] changed in a name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NameChanges {
    /// Characters no output can carry were taken out (see [`name_char`]).
    pub removed: bool,
    /// It was cut to [`MAX_NAME_CHARS`].
    pub shortened: bool,
}

impl NameChanges {
    /// Whether the name was kept as it was.
    pub fn none(self) -> bool {
        self == Self::default()
    }
}

/// Whether a task name may hold `c`: every output carries it (the page,
/// links, the SVG, the Python and Rust programs). Not control characters
/// (a tab, a newline), not the marks that reorder text (which rustc
/// refuses in a literal and which can make a name read backwards), not
/// noncharacters (which XML, so SVG, cannot hold).
pub fn name_char(c: char) -> bool {
    let direction = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}');
    let noncharacter = ('\u{fdd0}'..='\u{fdef}').contains(&c) || u32::from(c) & 0xfffe == 0xfffe;
    !c.is_control() && !direction && !noncharacter
}

/// A name as typed or written in a link, held to the one set of rules for
/// names: only characters [`name_char`] allows, at most [`MAX_NAME_CHARS`].
pub fn clean_name(name: &str) -> (String, NameChanges) {
    let mut clean = String::with_capacity(name.len());
    let mut changes = NameChanges::default();
    let mut count = 0;
    for c in name.chars() {
        if !name_char(c) {
            changes.removed = true;
        } else if count == MAX_NAME_CHARS {
            changes.shortened = true;
        } else {
            clean.push(c);
            count += 1;
        }
    }
    (clean, changes)
}
