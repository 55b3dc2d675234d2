//! The small parts around the picture: its counts (the late count opens its
//! "why"), the legend with the thinning rule, the focused event's read-out,
//! the row of other numbers to ask about and the answer to "why this number?".

use bslab_engine::event_time::PictureCounts;
use bslab_engine::explain::{EventStory, Pipeline};
use bslab_engine::explain_latency::Percentile;
use bslab_engine::scenario::GroupKey;
use bslab_engine::OutputMode;
use yew::prelude::*;

use super::ask::{Answer, Question};
use super::readout::{
    event_lines, instant, late_answer, latency_answer, percentile_name, pipeline_name, row_answer,
    step_line,
};
use crate::components::config_line::output_word;
use crate::components::dashboard::group_name;
use crate::format;
use crate::i18n::{flink, late_windows, Key, Lang};

/// The numbers beside the picture (also as data attributes, for tests); the late
/// count is a button, `on_late`: "why this many late events?". This and the
/// read-out and the answer below are plain functions, not components: a component
/// type costs its own copy of Yew's component code in the page's wasm, and these
/// are a few lines to draw.
pub fn counts(
    lang: Lang,
    c: &PictureCounts,
    output: OutputMode,
    on_late: &Callback<MouseEvent>,
) -> Html {
    let n = |x: u64| format::count(x, lang);
    let max = c.max_event_time_ms.map_or_else(|| "—".to_string(), instant);
    html! {
        <p class="et-counts" data-testid="picture-counts" data-arrived={c.arrived.to_string()}
            data-drawn={c.drawn.to_string()} data-late={c.late.to_string()} data-open={c.open.to_string()}
            data-fired={c.fired.to_string()} data-accepting={c.accepting.to_string()} data-closed={c.closed.to_string()} data-watermark={c.watermark_ms.to_string()}>
            <span>{ format!("{} {}", n(c.arrived), lang.t(Key::EtArrived)) }</span>
            <span>{ format!("{} {}", n(c.drawn), lang.t(Key::EtDrawn)) }</span>
            // Red only when something was dropped: "✕ 0 late" in red alarmed a class for nothing.
            <button class={classes!("et-late", (c.late == 0).then_some("none"))} onclick={on_late.clone()}
                title={lang.t(Key::WhyLateStreaming)}>
                { format!("✕ {} {}", n(c.late), lang.t(Key::EtLate)) }</button>
            if c.late_fired > 0 {
                <span class="et-late-fired" data-testid="picture-late-fired">
                    { format!("+ {} {}", n(c.late_fired), flink::t(lang, flink::Text::LateFired)) }</span>
            }
            <span>{ windows_line(lang, c, output) }</span>
            <span>{ format!("{} {}", lang.t(Key::Watermark), instant(c.watermark_ms)) }</span>
            <span>{ format!("{} {max}", lang.t(Key::EtMaxEventTime)) }</span>
        </p>
    }
}

/// The windows by stage: `windows: N open · N fired · N closed`. Append mode publishes a
/// window once, when it closes: no window is ever fired there, and the line says so by
/// leaving the stage out.
fn windows_line(lang: Lang, c: &PictureCounts, output: OutputMode) -> String {
    let n = |x: u64| format::count(x, lang);
    let fired = if output == OutputMode::Append {
        String::new()
    } else {
        format!("{} {} · ", n(c.fired), lang.t(Key::EtStageFired))
    };
    format!(
        "{}: {} {} · {fired}{}{} {}",
        lang.t(Key::EtWindows),
        n(c.open),
        lang.t(Key::EtStageOpen),
        accepting(lang, c.accepting),
        n(c.closed),
        lang.t(Key::EtStageClosed)
    )
}

/// `N accepting late · ` when windows are in that stage (Flink's allowed lateness).
fn accepting(lang: Lang, n: u64) -> String {
    if n == 0 {
        return String::new();
    }
    let word = late_windows::t(lang, late_windows::Text::StageAccepting);
    format!("{} {word} · ", format::count(n, lang))
}

/// What [`legend`] explains.
pub struct LegendProps<'a> {
    /// Language.
    pub lang: Lang,
    /// 1 event in `stride` is drawn.
    pub stride: u64,
    /// The run has late firings (Flink's allowed lateness): their mark is explained too.
    pub late_fired: bool,
    /// Windows are accepting late events (hatched bands): explained too.
    pub accepting: bool,
    /// Session windows: the keys whose sessions are drawn, in column order.
    pub session_groups: &'a [GroupKey],
    /// The streaming pipeline's output mode: it decides whether a window is ever "fired"
    /// before it closes (not in append mode), and the legend names it.
    pub output: OutputMode,
}

/// The bands' legend: the stages a window goes through in the run's output mode.
fn bands_legend(lang: Lang, output: OutputMode) -> String {
    let mut stages = vec![lang.t(Key::EtStageOpen)];
    if output != OutputMode::Append {
        stages.push(lang.t(Key::EtStageFired));
    }
    stages.push(lang.t(Key::EtStageClosed));
    lang.fill(
        Key::EtLegendBands,
        &[
            ("mode", output_word(lang, output).to_string()),
            ("stages", stages.join(" · ")),
        ],
    )
}

/// What each shape and line means, and how a dense run is thinned (a plain
/// function, not a component: a component type costs its own copy of Yew's
/// component code in the page's wasm).
pub fn legend(p: &LegendProps<'_>) -> Html {
    let lang = p.lang;
    let item = |class: &str, key: Key| html! { <li><span class={classes!("et-key", class.to_string())} />{ lang.t(key) }</li> };
    let thinning = if p.stride > 1 {
        lang.fill(Key::EtThinned, &[("stride", p.stride.to_string())])
    } else {
        lang.t(Key::EtAllDrawn).to_string()
    };
    html! { <>
        <ul class="et-legend">
            { item("et-key-event", Key::EtLegendEvent) }
            { item("et-key-late", Key::EtLegendLate) }
            if p.late_fired {
                <li><span class="et-key et-key-late-fired" />{ flink::t(lang, flink::Text::LegendLateFired) }</li>
            }
            { item("et-key-watermark", Key::EtLegendWatermark) }
            { item("et-key-max", Key::EtLegendMax) }
            { item("et-key-now", Key::EtLegendNow) }
            if p.session_groups.is_empty() {
                <li><span class={classes!("et-key", "et-key-bands", (p.output == OutputMode::Append).then_some("et-key-bands-append"))} />
                    { bands_legend(lang, p.output) }</li>
            } else {
                <li><span class="et-key et-key-bands" />{ late_windows::t(lang, late_windows::Text::LegendSessionBands) }</li>
                <li><span class="et-key et-key-merge" />{ late_windows::t(lang, late_windows::Text::LegendMerge) }</li>
            }
            if p.accepting || p.late_fired {
                <li><span class="et-key et-key-accepting" />{ late_windows::t(lang, late_windows::Text::LegendAccepting) }</li>
            }
        </ul>
        { session_rule(lang, p.session_groups) }
        <p class="et-thinning" data-testid="picture-thinning">{ thinning }</p>
    </> }
}

/// Which sessions are drawn and why (the rule), and each column's key.
fn session_rule(lang: Lang, groups: &[GroupKey]) -> Html {
    if groups.is_empty() {
        return html! {};
    }
    let rule = late_windows::t(lang, late_windows::Text::SessionRule);
    let names = groups
        .iter()
        .enumerate()
        .map(|(i, g)| format!("#{} = {}", i + 1, group_name(g, lang)))
        .collect::<Vec<_>>()
        .join(" · ");
    html! {
        <p class="et-sessions" data-testid="picture-sessions" data-keys={groups.len().to_string()}>
            { crate::i18n::fill(rule, &[("shown", groups.len().to_string())]) }{ " " }<strong>{ names }</strong>
        </p>
    }
}

/// The focused event's story (`story`), read out (a live region: screen readers
/// speak it), with its buttons to ask about its rows.
pub fn readout(lang: Lang, story: &Option<Answer>, on_ask: &Callback<Question>) -> Html {
    let Some(Answer::Event(s, key)) = story else {
        return html! { <p class="et-readout" data-testid="event-readout" aria-live="polite">{ lang.t(Key::EtFocusHint) }</p> };
    };
    let ask = |pipeline: Pipeline, story: &EventStory, label: Key| {
        let q = Question::Row(pipeline, story.window.0, story.arrival.key);
        let on_ask = on_ask.clone();
        html! { <button onclick={move |_| on_ask.emit(q)}>{ lang.t(label) }</button> }
    };
    html! {
        <div class="et-readout" data-testid="event-readout" aria-live="polite">
            { for event_lines(s, key, lang).into_iter().map(|l| html! { <p>{ l }</p> }) }
            { ask(Pipeline::Streaming, s, Key::WhyStreamingRow) }
            { ask(Pipeline::Batch, s, Key::WhyBatchRow) }
        </div>
    }
}

/// The answer to "why this number?": the events behind it, the first ones listed.
pub fn why(lang: Lang, answer: &Option<Answer>) -> Html {
    let steps = |events: &[EventStory], pipeline| {
        events
            .iter()
            .map(|s| step_line(s, pipeline, lang))
            .collect()
    };
    let (head, lines, notes): (String, Vec<String>, Vec<String>) = match answer {
        Some(Answer::Row(r, key)) => {
            let (head, notes) = row_answer(r, key, lang);
            (head, steps(&r.events, r.pipeline), notes)
        }
        Some(Answer::Late(l)) => {
            let (head, notes) = late_answer(l, lang);
            (head, steps(&l.events, l.pipeline), notes)
        }
        Some(Answer::Latency(l)) => latency_answer(l, lang),
        Some(Answer::NotPublished) => (
            lang.t(Key::WhyNotPublished).to_string(),
            Vec::new(),
            Vec::new(),
        ),
        _ => return html! {},
    };
    html! {
        <section class="why" data-testid="why" aria-live="polite">
            <h3>{ lang.t(Key::WhyTitle) }</h3>
            <p>{ head }</p>
            <ol>{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ol>
            { for notes.into_iter().map(|n| html! { <p class="why-note">{ n }</p> }) }
        </section>
    }
}

/// The numbers of the run that "why this number?" can open besides the
/// picture's own: the batch's missed count and each pipeline's latency
/// percentiles (buttons: a click or Enter asks). A plain function, not a
/// component (no copy of Yew's component code in the page's wasm).
pub fn ask_row(lang: Lang, on_ask: &Callback<Question>) -> Html {
    let button = |q: Question, label: String, id: &str| {
        let on_ask = on_ask.clone();
        html! { <button data-testid={id.to_string()} onclick={move |_| on_ask.emit(q)}>{ label }</button> }
    };
    let latency = |pipeline: Pipeline, p: Percentile| {
        let label = lang.fill(
            Key::WhyLatencyButton,
            &[
                ("pipeline", pipeline_name(pipeline, lang).to_string()),
                ("p", percentile_name(p).to_string()),
            ],
        );
        // A fixed test id, whatever the language (a name from the strings would need
        // English's table, which a page in another language does not load).
        let which = match pipeline {
            Pipeline::Batch => "batch",
            Pipeline::Streaming => "streaming",
        };
        let id = format!("why-{which}-{}", percentile_name(p)).to_ascii_lowercase();
        button(Question::Latency(pipeline, p), label, &id)
    };
    html! {
        <p class="why-ask" data-testid="why-ask">
            <span>{ lang.t(Key::WhyAsk) }</span>
            { button(Question::Late(Pipeline::Batch), lang.t(Key::WhyMissedBatch).to_string(), "why-batch-missed") }
            { latency(Pipeline::Streaming, Percentile::P50) }
            { latency(Pipeline::Streaming, Percentile::P99) }
            { latency(Pipeline::Batch, Percentile::P50) }
            { latency(Pipeline::Batch, Percentile::P99) }
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bands_legend_names_the_run_s_output_mode_and_its_stages() {
        for lang in Lang::ALL {
            let fired = lang.t(Key::EtStageFired);
            for (mode, word) in [
                (OutputMode::Append, "append"),
                (OutputMode::Update, "update"),
                (OutputMode::Complete, "complete"),
            ] {
                let text = bands_legend(lang, mode);
                assert!(text.contains(lang.word(word)), "{lang:?} {mode:?}: {text}");
                assert!(!text.contains('{'), "every placeholder filled: {text}");
                // An append-mode window is published once, when it closes: never "fired" before.
                let names_fired = text.contains(fired);
                assert_eq!(
                    names_fired,
                    mode != OutputMode::Append,
                    "{lang:?} {mode:?}: {text}"
                );
                for other in ["append", "update", "complete"].map(|w| lang.word(w)) {
                    assert!(other == lang.word(word) || !text.contains(other), "{text}");
                }
            }
        }
    }

    #[test]
    fn the_counts_line_names_fired_windows_only_where_a_window_can_fire() {
        let c = PictureCounts {
            t_ms: 60_000,
            from_ms: 0,
            arrived: 10,
            drawn: 10,
            stride: 1,
            late: 0,
            late_fired: 0,
            open: 3,
            fired: 0,
            accepting: 0,
            closed: 5,
            watermark_ms: 0,
            max_event_time_ms: None,
        };
        for lang in Lang::ALL {
            let fired = lang.t(Key::EtStageFired);
            for mode in [OutputMode::Append, OutputMode::Update, OutputMode::Complete] {
                let line = windows_line(lang, &c, mode);
                assert_eq!(
                    line.contains(fired),
                    mode != OutputMode::Append,
                    "{lang:?} {mode:?}: {line}"
                );
                let (open, closed) = (lang.t(Key::EtStageOpen), lang.t(Key::EtStageClosed));
                assert!(line.contains(&format!("3 {open} · ")), "{line}");
                assert!(line.ends_with(&format!("5 {closed}")), "{line}");
            }
        }
    }
}
