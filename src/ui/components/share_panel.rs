//! Copy the link, or the code that embeds the scenario in a lesson page.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::{clipboard, location};
use model::lang::Lang;
use presentation::i18n::Text;

/// What [`SharePanel`] shows.
#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// The current link, without `#` (the state's own, compared by pointer:
    /// it can be long, and the page redraws during runs).
    pub link: Rc<str>,
    /// The scenario on screen is too big for a link: `link` is an older
    /// one, and nothing is offered to copy.
    pub too_big: bool,
    /// The page's language.
    pub lang: Lang,
}

/// The outcome of the last copy.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Nothing,
    Link,
    Code,
    Failed,
}

/// The iframe snippet for `link`, titled in `lang`, with the script that
/// sizes it. Its size is given by attributes, which hold under a lesson
/// page's strict Content-Security-Policy (a `style` attribute would not;
/// only the border, a nicety, is one).
fn embed_code(link: &str, lang: Lang) -> String {
    let src = location::full_url(&format!("{link}&embed=1"));
    let script = location::beside_page("embed.js");
    format!(
        "<iframe src=\"{src}\" title=\"{}\" \
         width=\"100%\" height=\"560\" style=\"border:0\" loading=\"lazy\"></iframe>\n\
         <script src=\"{script}\" async></script>",
        Text::Title.get(lang)
    )
}

/// Copies `text`, then reports `done` or `Failed`.
fn copy(text: &str, done: Copied, status: UseStateHandle<Copied>) {
    clipboard::copy(text, move |copied| {
        status.set(if copied { done } else { Copied::Failed });
    });
}

/// "Copy link", and "Embed" with its snippet.
#[function_component(SharePanel)]
pub fn share_panel(
    SharePanelProps {
        link,
        too_big,
        lang,
    }: &SharePanelProps,
) -> Html {
    let lang = *lang;
    let status = use_state(|| Copied::Nothing);
    let showing_code = use_state(|| false);
    if *too_big {
        return html! {
            <p class="share note" role="status" data-testid="link-too-big">{ Text::LinkTooBig.get(lang) }</p>
        };
    }
    let code = embed_code(link, lang);

    let on_copy_link = {
        let (status, link) = (status.clone(), link.clone());
        Callback::from(move |_| copy(&location::full_url(&link), Copied::Link, status.clone()))
    };
    let on_copy_code = {
        let (status, code) = (status.clone(), code.clone());
        Callback::from(move |_| copy(&code, Copied::Code, status.clone()))
    };
    let on_toggle = {
        let showing_code = showing_code.clone();
        Callback::from(move |_| showing_code.set(!*showing_code))
    };
    let message = match *status {
        Copied::Nothing => None,
        Copied::Link | Copied::Code => Some(Text::Copied),
        Copied::Failed => Some(Text::CopyFailed),
    };

    html! {
        <div class="share">
            <div class="share-buttons">
                <button type="button" data-testid="copy-link" onclick={on_copy_link}>
                    { Text::CopyLink.get(lang) }
                </button>
                <button
                    type="button"
                    aria-expanded={showing_code.to_string()}
                    aria-controls="embed-panel"
                    data-testid="show-embed"
                    onclick={on_toggle}
                >
                    { Text::Embed.get(lang) }
                </button>
                <span class="share-status" role="status" data-testid="copy-status">
                    { message.map(|m| m.get(lang)).unwrap_or_default() }
                </span>
            </div>
            if *showing_code {
                <div class="embed-panel" id="embed-panel">
                    <p class="note">{ Text::EmbedHelp.get(lang) }</p>
                    <textarea
                        readonly=true
                        rows="4"
                        aria-label={Text::Embed.get(lang)}
                        data-testid="embed-code"
                        value={code}
                    />
                    <button type="button" data-testid="copy-embed" onclick={on_copy_code}>
                        { Text::CopyCode.get(lang) }
                    </button>
                </div>
            }
        </div>
    }
}
