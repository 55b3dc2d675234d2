//! The open lesson: its title, where the class is, the beat's caption and its
//! predict-then-reveal question (the value stays hidden until the next click),
//! and the Back / Next buttons a mouse user needs (a clicker sends PgUp / PgDn).

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{Key, Lang};
use crate::lessons::progress::LessonAt;
use crate::lessons::{reveal, Ask};
use crate::runner::Snapshot;

/// What [`lesson_card`] shows.
pub struct LessonCardProps {
    /// Language.
    pub lang: Lang,
    /// Where the class is.
    pub at: LessonAt,
    /// The run's picture (the revealed value is read from its report).
    pub view: Option<Rc<Snapshot>>,
    /// Next beat.
    pub on_next: Callback<()>,
    /// Previous beat.
    pub on_previous: Callback<()>,
    /// Leave the lesson.
    pub on_exit: Callback<()>,
}

/// The question's value in the report of the current instant, if the report is up to date.
fn revealed_value(ask: &Ask, view: Option<&Rc<Snapshot>>, lang: Lang) -> Option<String> {
    let view = view?;
    let report = view
        .report
        .as_ref()
        .filter(|r| r.report.t_ms == view.live.t_ms)?;
    reveal::value(&report.report, &ask.value).map(|v| ask.unit.show(v, lang))
}

fn question(p: &LessonCardProps, ask: &Ask) -> Html {
    let lang = p.lang;
    let shown = if p.at.revealed {
        revealed_value(ask, p.view.as_ref(), lang).unwrap_or_else(|| "…".to_string())
    } else {
        "?".to_string()
    };
    html! {
        <p class="lesson-ask">
            if !p.at.revealed {
                <span class="muted">{ lang.t(Key::LessonPredict) }{ " " }</span>
            }
            <strong>{ ask.question.get(lang) }</strong>{ " " }
            <output data-testid="lesson-value" data-revealed={p.at.revealed.to_string()}
                class={classes!("lesson-value", p.at.revealed.then_some("revealed"))}>{ shown }</output>
        </p>
    }
}

/// The lesson card (a plain function, not a component: see `ghost_note`).
pub fn lesson_card(p: &LessonCardProps) -> Html {
    let lang = p.lang;
    let Some(lesson) = p.at.lesson() else {
        return html! {};
    };
    let n = lesson.beats.len();
    let beat = p.at.current();
    let step = lang.fill(
        Key::LessonBeat,
        &[
            ("i", (p.at.beat + 1).min(n).to_string()),
            ("n", n.to_string()),
        ],
    );
    html! {
        <section class="lesson-card" data-testid="lesson-card" aria-live="polite"
            data-beat={p.at.beat.to_string()} data-at={beat.map_or(String::new(), |b| b.at_ms.to_string())}>
            <div class="lesson-head">
                <h2>{ lesson.title.get(lang) }</h2>
                <span class="lesson-step" data-testid="lesson-step">{ step }</span>
                <button data-testid="lesson-previous" onclick={p.on_previous.reform(|_| ())}>{ lang.t(Key::LessonPrevious) }</button>
                <button class="primary" data-testid="lesson-next" disabled={beat.is_none()}
                    onclick={p.on_next.reform(|_| ())}>{ lang.t(Key::LessonNext) }</button>
                <button data-testid="lesson-exit" onclick={p.on_exit.reform(|_| ())}>{ lang.t(Key::LessonExit) }</button>
            </div>
            if let Some(beat) = beat {
                <p class="lesson-caption" data-testid="lesson-caption">{ beat.caption.get(lang) }</p>
                if let Some(ask) = &beat.ask { { question(p, ask) } }
            } else {
                <p class="lesson-caption" data-testid="lesson-caption">{ lang.t(Key::LessonDone) }</p>
            }
        </section>
    }
}
