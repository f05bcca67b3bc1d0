//! The ready scenarios from the course.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::presets::Preset;
use crate::state::Action;
use crate::ui::use_dispatch;

/// What [`PresetPicker`] shows.
#[derive(Properties, PartialEq)]
pub struct PresetPickerProps {
    /// The page's language.
    pub lang: Lang,
}

/// A button per preset.
#[function_component(PresetPicker)]
pub fn preset_picker(&PresetPickerProps { lang }: &PresetPickerProps) -> Html {
    let dispatch = use_dispatch();
    let buttons = Preset::ALL.iter().map(|&preset| {
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::LoadPreset(preset)));
        html! {
            <button type="button" class="preset" data-testid={format!("preset-{}", preset.id())} {onclick}>
                { preset.title(lang) }
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
