//! Syntax colouring for the programs the page shows: a small lexer that
//! splits a program into keywords, strings, comments, numbers and the rest.
//!
//! It knows just enough Python and Rust for what [`super::python`] and
//! [`super::rust`] write (no triple-quoted strings, no char literals), and
//! any other text still comes back whole: the spans always join up to the
//! input, so the page shows every character as text, never as markup.

use super::Language;

/// What a span of a program is, for its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    /// A keyword of the language.
    Keyword,
    /// A string literal, with its quotes.
    String,
    /// A comment, to the end of its line.
    Comment,
    /// A number.
    Number,
    /// Names, punctuation and spaces.
    Plain,
}

impl Token {
    /// A stable name for styles.
    pub fn id(self) -> &'static str {
        match self {
            Token::Keyword => "kw",
            Token::String => "str",
            Token::Comment => "com",
            Token::Number => "num",
            Token::Plain => "plain",
        }
    }
}

const PYTHON_KEYWORDS: &[&str] = &[
    "and", "as", "async", "await", "def", "elif", "else", "except", "finally", "for", "from",
    "global", "if", "import", "in", "is", "not", "or", "return", "try", "while", "with", "True",
    "False", "None",
];

const RUST_KEYWORDS: &[&str] = &[
    "as", "async", "await", "const", "else", "enum", "false", "fn", "for", "if", "impl", "in",
    "let", "match", "move", "mut", "return", "self", "static", "struct", "true", "use", "while",
];

/// Splits `code` into spans, in order; together they are exactly `code`.
/// Neighbouring plain text is one span.
pub fn highlight(code: &str, language: Language) -> Vec<(Token, &str)> {
    let (comment, keywords) = match language {
        Language::Python => ("#", PYTHON_KEYWORDS),
        Language::Rust => ("//", RUST_KEYWORDS),
    };
    // Each span as its token and where it ends; plain neighbours merge.
    let mut spans: Vec<(Token, usize)> = Vec::new();
    let mut at = 0;
    while let Some(c) = code[at..].chars().next() {
        let rest = &code[at..];
        let (token, len) = if rest.starts_with(comment) {
            (Token::Comment, rest.find('\n').unwrap_or(rest.len()))
        } else if let Some(len) = string_len(rest, language) {
            (Token::String, len)
        } else if c.is_ascii_digit() {
            let len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
                .unwrap_or(rest.len());
            (Token::Number, len)
        } else if is_word(c) {
            let len = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
            if keywords.contains(&&rest[..len]) {
                (Token::Keyword, len)
            } else {
                (Token::Plain, len)
            }
        } else {
            (Token::Plain, c.len_utf8())
        };
        at += len;
        match spans.last_mut() {
            Some((Token::Plain, end)) if token == Token::Plain => *end = at,
            _ => spans.push((token, at)),
        }
    }
    let mut start = 0;
    spans
        .into_iter()
        .map(|(token, end)| {
            let text = &code[start..end];
            start = end;
            (token, text)
        })
        .collect()
}

/// Whether `c` may be part of a name. Any non-ASCII letter counts: asking
/// Unicode's tables which are letters would cost the page kilobytes, and
/// the programs' own names are ASCII.
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii()
}

/// The length of the string literal `text` starts with, if it starts with
/// one: a Python `f"…"` counts its prefix. An unclosed literal runs to the
/// end of its line.
fn string_len(text: &str, language: Language) -> Option<usize> {
    let prefix = match language {
        Language::Python if text.starts_with("f\"") || text.starts_with("f'") => 1,
        _ => 0,
    };
    let quote = text[prefix..].chars().next()?;
    let quotes: &[char] = match language {
        Language::Python => &['"', '\''],
        Language::Rust => &['"'],
    };
    if !quotes.contains(&quote) {
        return None;
    }
    let mut escaped = false;
    for (at, c) in text[prefix + 1..].char_indices() {
        let end = prefix + 1 + at;
        match c {
            '\n' => return Some(end),
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            _ if c == quote => return Some(end + 1),
            _ => {}
        }
    }
    Some(text.len())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kinds(code: &str, language: Language) -> Vec<(Token, &str)> {
        highlight(code, language)
            .into_iter()
            .filter(|(token, _)| *token != Token::Plain)
            .collect()
    }

    #[test]
    fn python_keywords_strings_comments_and_numbers() {
        assert_eq!(
            kinds(
                "await asyncio.sleep(1.5 * SCALE)  # others run\nprint(f\"№ {n}\")",
                Language::Python
            ),
            [
                (Token::Keyword, "await"),
                (Token::Number, "1.5"),
                (Token::Comment, "# others run"),
                (Token::String, "f\"№ {n}\""),
            ]
        );
    }

    #[test]
    fn rust_lifetimes_and_escapes_stay_in_place() {
        assert_eq!(
            kinds(
                "fn run(name: &'static str) { let s = \"a\\\"b\"; } // done",
                Language::Rust
            ),
            [
                (Token::Keyword, "fn"),
                (Token::Keyword, "static"),
                (Token::Keyword, "let"),
                (Token::String, "\"a\\\"b\""),
                (Token::Comment, "// done"),
            ]
        );
    }

    #[test]
    fn an_unclosed_string_ends_with_its_line() {
        assert_eq!(
            highlight("x = \"open\ny", Language::Python),
            [
                (Token::Plain, "x = "),
                (Token::String, "\"open"),
                (Token::Plain, "\ny"),
            ]
        );
    }

    #[test]
    fn every_generated_program_is_covered() {
        for preset in model::presets::Preset::ALL {
            for language in Language::ALL {
                let code = language.program(
                    &preset.scenario(),
                    model::scenario::Mode::Concurrent,
                    model::lang::Lang::Ru,
                );
                let joined: String = highlight(&code, language).iter().map(|(_, s)| *s).collect();
                assert_eq!(joined, code);
            }
        }
    }

    proptest! {
        #[test]
        fn spans_join_up_to_any_text(text in "\\PC*|[\"'#/\\\\f\\n0-9a-z ]*") {
            for language in Language::ALL {
                let spans = highlight(&text, language);
                let joined: String = spans.iter().map(|(_, s)| *s).collect();
                prop_assert_eq!(&joined, &text);
                prop_assert!(spans.iter().all(|(_, s)| !s.is_empty()));
            }
        }
    }
}
