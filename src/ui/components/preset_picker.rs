//! The ready scenarios from the course.

use yew::prelude::*;

use crate::ui::Dispatch;
use model::lang::Lang;
use model::presets::Preset;
use model::state::Action;
use presentation::i18n::{self, Text};

/// A button per preset. A part of the editor's view rather than a component
/// of its own: it redraws with the editor, and each component type costs
/// the page's download kilobytes.
pub fn preset_picker(lang: Lang, dispatch: &Dispatch) -> Html {
    let buttons = Preset::ALL.iter().map(|&preset| {
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::LoadPreset(preset)));
        html! {
            <button type="button" class="preset" data-testid={format!("preset-{}", preset.id())} {onclick}>
                { i18n::presets::title(preset, lang) }
            </button>
        }
    });
    html! {
        <div class="presets" role="group" aria-label={Text::Presets.get(lang)}>
            <span class="presets-label">{ Text::Presets.get(lang) }</span>
            { for buttons }
        </div>
    }
}
