//! The ready scenarios from the course.

use yew::prelude::*;

use crate::i18n::Text;
use crate::presets::Preset;
use crate::state::Action;
use crate::ui::use_playground;

/// A button per preset.
#[function_component(PresetPicker)]
pub fn preset_picker() -> Html {
    let state = use_playground();
    let lang = state.lang;
    let buttons = Preset::ALL.iter().map(|&preset| {
        let state = state.clone();
        let onclick = Callback::from(move |_| state.dispatch(Action::LoadPreset(preset)));
        html! {
            <button type="button" class="preset" data-testid={format!("preset-{}", preset.id())} {onclick}>
                { preset.title().get(lang) }
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
