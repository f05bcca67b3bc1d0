//! What the scenario on screen shows, when it is one of the course's.

use yew::prelude::*;

use model::lang::Lang;
use model::presets::Preset;
use presentation::i18n;

/// The preset's title and explanation, if the scenario is a preset's; the
/// explanation gives the answer away, so it waits while the learner
/// guesses (`hidden`). A view function, not a component: the root
/// memoises which preset it is.
pub fn preset_about(preset: Option<Preset>, hidden: bool, lang: Lang) -> Html {
    match preset {
        Some(preset) => html! {
            <aside class="preset-about" data-testid="preset-about" data-preset={preset.id()}>
                <h3>{ i18n::presets::title(preset, lang) }</h3>
                if !hidden {
                    <p data-testid="preset-explanation">{ i18n::presets::about(preset, lang) }</p>
                }
            </aside>
        },
        None => Html::default(),
    }
}
