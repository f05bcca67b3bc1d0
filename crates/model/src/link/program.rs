//! A program in a link, `py=`: the Python panel's program, as a course
//! author shares it. Compact and versioned: `1.`, then the program's UTF-8
//! compressed with DEFLATE (raw, RFC 1951) and written in base64url
//! without padding (RFC 4648, section 5), so a link of 60 lines stays
//! around 1,500 characters and needs no percent-encoding.
//!
//! The page's link reader keeps the value as it came (the page links no
//! decompressor); the panel, loaded when it opens, [`decode`]s it, saying
//! there if it cannot, and [`encode`]s the learner's program for a link,
//! refusing one too long rather than cutting it.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

/// What a value of version 1 starts with.
const VERSION_1: &str = "1.";

/// The longest value read or written, in characters: a link this long
/// still opens from a chat message or an iframe's `src`, and holds some
/// 20 KB of Python.
pub const MAX_CHARS: usize = 8_000;

/// The most bytes a value may decompress to: what no value of
/// [`MAX_CHARS`] holds unless crafted to (a "zip bomb").
pub const MAX_PROGRAM_BYTES: usize = 256 * 1024;

/// Why a program could not go into a link, or come out of one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgramProblem {
    /// Longer than [`MAX_CHARS`] once encoded.
    TooLong,
    /// Not of version 1, or not DEFLATE'd UTF-8 in base64url.
    Unreadable,
}

/// Whether `value` looks like a program of version 1 (its form only).
pub fn check(value: &str) -> Result<&str, ProgramProblem> {
    if value.len() > MAX_CHARS {
        return Err(ProgramProblem::TooLong);
    }
    let body = value
        .strip_prefix(VERSION_1)
        .ok_or(ProgramProblem::Unreadable)?;
    let base64url = |byte: u8| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_';
    if body.is_empty() || !body.bytes().all(base64url) {
        return Err(ProgramProblem::Unreadable);
    }
    Ok(value)
}

/// `program` as a link's value.
pub fn encode(program: &str) -> Result<String, ProgramProblem> {
    let compressed = miniz_oxide::deflate::compress_to_vec(program.as_bytes(), 9);
    let value = format!("{VERSION_1}{}", URL_SAFE_NO_PAD.encode(compressed));
    if value.len() > MAX_CHARS {
        return Err(ProgramProblem::TooLong);
    }
    Ok(value)
}

/// The program a link's value holds.
pub fn decode(value: &str) -> Result<String, ProgramProblem> {
    let body = &check(value)?[VERSION_1.len()..];
    let compressed = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|_| ProgramProblem::Unreadable)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_PROGRAM_BYTES)
        .map_err(|_| ProgramProblem::Unreadable)?;
    String::from_utf8(bytes).map_err(|_| ProgramProblem::Unreadable)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const COURSE: &str = "import asyncio\nimport time\n\nasync def main():\n    print(\"Начало\")\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n";

    #[test]
    fn a_program_comes_back_as_it_went() {
        let value = encode(COURSE).unwrap();
        assert!(value.starts_with("1.") && check(&value).is_ok(), "{value}");
        assert_eq!(decode(&value).unwrap(), COURSE);
    }

    #[test]
    fn a_program_too_long_is_refused_not_cut() {
        // Text that compresses badly: a long run of distinct numbers.
        let long: String = (0..20_000u32)
            .map(|n| format!("{}\n", n.wrapping_mul(2_654_435_761)))
            .collect();
        assert_eq!(encode(&long), Err(ProgramProblem::TooLong));
        assert_eq!(
            check(&format!("1.{}", "A".repeat(MAX_CHARS))),
            Err(ProgramProblem::TooLong)
        );
    }

    #[test]
    fn what_is_not_a_program_reads_as_unreadable() {
        for bad in ["", "1.", "2.AAAA", "1.AA+A", "1.AA%3D", "1.////", "1.AAAA"] {
            assert_eq!(decode(bad), Err(ProgramProblem::Unreadable), "{bad}");
        }
        // Bytes that are not UTF-8.
        let latin1 = format!(
            "1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe], 9))
        );
        assert_eq!(decode(&latin1), Err(ProgramProblem::Unreadable));
        // A short value that would inflate past the limit.
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b'a'; MAX_PROGRAM_BYTES + 1], 9);
        let bomb = format!("1.{}", URL_SAFE_NO_PAD.encode(bomb));
        assert!(bomb.len() < MAX_CHARS);
        assert_eq!(decode(&bomb), Err(ProgramProblem::Unreadable));
    }

    proptest! {
        #[test]
        fn any_text_that_fits_comes_back(program in "\\PC{0,400}") {
            let value = encode(&program).unwrap();
            prop_assert_eq!(decode(&value).unwrap(), program);
        }

        #[test]
        fn any_value_decodes_to_a_program_or_says_why(value in "1\\.[A-Za-z0-9_-]{0,64}") {
            // Never a panic; and what does decode is a program like any other.
            if let Ok(program) = decode(&value) {
                prop_assert_eq!(decode(&encode(&program).unwrap()).unwrap(), program);
            }
        }
    }
}
