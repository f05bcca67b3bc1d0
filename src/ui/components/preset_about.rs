//! What the scenario on screen shows, when it is one of the course's.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::presets::Preset;

/// The preset's title and explanation, if the scenario is a preset's; the
/// explanation gives the answer away, so it waits while the learner
/// guesses (`hidden`). A view function, not a component: the root
/// memoises which preset it is.
pub fn preset_about(preset: Option<Preset>, hidden: bool, lang: Lang) -> Html {
    match preset {
        Some(preset) => html! {
            <aside class="preset-about" data-testid="preset-about" data-preset={preset.id()}>
                <h3>{ preset.title(lang) }</h3>
                if !hidden {
                    <p data-testid="preset-explanation">{ preset.about(lang) }</p>
                }
            </aside>
        },
        None => Html::default(),
    }
}
