//! What the scenario on screen shows, when it is one of the course's.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Lang;
use crate::presets::Preset;
use crate::scenario::Scenario;

/// What [`PresetAbout`] shows.
#[derive(Properties, PartialEq)]
pub struct PresetAboutProps {
    /// The scenario in the editor, when it is valid.
    pub scenario: Option<Rc<Scenario>>,
    /// The page's language.
    pub lang: Lang,
}

/// The preset's title and explanation, if the scenario is a preset's.
#[function_component(PresetAbout)]
pub fn preset_about(&PresetAboutProps { ref scenario, lang }: &PresetAboutProps) -> Html {
    let preset = use_memo(scenario.clone(), |scenario| {
        scenario.as_deref().and_then(Preset::matching)
    });
    match *preset {
        Some(preset) => html! {
            <aside class="preset-about" data-testid="preset-about" data-preset={preset.id()}>
                <h3>{ preset.title(lang) }</h3>
                <p>{ preset.about(lang) }</p>
            </aside>
        },
        None => Html::default(),
    }
}
