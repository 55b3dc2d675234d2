//! The sweep form read and checked on the page: the knobs that apply, the
//! default range around the current value, and the typed range turned into a
//! validated [`SweepPlan`] or one sentence in the page's language.

use bslab_engine::sweep::{self, SweepError, SweepPlan, KNOBS};
use bslab_engine::{ConfigError, ExperimentConfig};

use super::text::{fill, T};
use crate::fields::{self, FieldId};
use crate::i18n::Lang;
use crate::messages;

/// Values of a sweep made around the current value.
pub const DEFAULT_COUNT: usize = 20;

/// The knobs of [`KNOBS`] that `config` has (no trigger in per-record mode).
pub fn knobs(config: &ExperimentConfig) -> Vec<FieldId> {
    KNOBS
        .iter()
        .filter_map(|path| FieldId::from_path(path))
        .filter(|id| id.get(config).is_some())
        .collect()
}

/// The default range of `knob` as the form shows it: its first and last value
/// around the current one, typed in `lang`.
pub fn default_range(config: &ExperimentConfig, knob: FieldId, lang: Lang) -> (String, String) {
    let values = sweep::around(config, &knob.path(), DEFAULT_COUNT);
    let text = |x: Option<&f64>| {
        x.map(|x| messages::value_text(lang, knob, *x))
            .unwrap_or_default()
    };
    (text(values.first()), text(values.last()))
}

/// A value typed for `knob`, read and checked as the parameter panel does (so
/// an end of the range out of bounds is refused, never silently clamped).
fn read(config: &ExperimentConfig, knob: FieldId, text: &str, lang: Lang) -> Result<f64, String> {
    let changed = fields::set(config, knob, text, lang)
        .map_err(|why| messages::refusal(lang, knob, text, &why))?;
    let value = knob.get(&changed).map(|v| v.as_f64());
    changed
        .validated()
        .map_err(|e| field_errors(&e, lang))
        .and_then(|_| value.ok_or_else(|| messages::label(lang, knob)))
}

/// Every refusal of a config, each a sentence naming its field.
fn field_errors(error: &ConfigError, lang: Lang) -> String {
    let sentences: Vec<String> = error
        .fields
        .iter()
        .map(|f| messages::field_error(lang, f))
        .collect();
    sentences.join(" ")
}

/// The sweep the form describes, validated, or why not (one sentence in `lang`).
pub fn prepare(
    config: &ExperimentConfig,
    knob: FieldId,
    (from, to, count): (&str, &str, &str),
    lang: Lang,
) -> Result<SweepPlan, String> {
    let (lo, hi) = (
        read(config, knob, from, lang)?,
        read(config, knob, to, lang)?,
    );
    let n = count
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (sweep::MIN_VALUES..=sweep::MAX_VALUES).contains(n));
    let too_few = |n: usize| {
        fill(
            lang,
            T::TooFew,
            &[
                ("field", messages::label(lang, knob)),
                ("from", from.trim().to_string()),
                ("to", to.trim().to_string()),
                ("n", n.to_string()),
                ("min", sweep::MIN_VALUES.to_string()),
                ("max", sweep::MAX_VALUES.to_string()),
            ],
        )
    };
    let Some(n) = n else {
        return Err(fill(
            lang,
            T::BadCount,
            &[
                ("value", count.trim().to_string()),
                ("min", sweep::MIN_VALUES.to_string()),
                ("max", sweep::MAX_VALUES.to_string()),
            ],
        ));
    };
    let values = sweep::spread(config, &knob.path(), lo, hi, n);
    SweepPlan::new(config, &knob.path(), &values).map_err(|e| match e {
        SweepError::ValueCount { count } => too_few(count),
        SweepError::Invalid { error, .. } => field_errors(&error, lang),
        SweepError::TooMuchWork { total, max } => fill(
            lang,
            T::TooMuch,
            &[
                ("total", format!("{total:.1e}")),
                ("max", format!("{max:.0e}")),
            ],
        ),
        other => other.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_config() -> ExperimentConfig {
        bslab_engine::presets::all()[0].config.clone()
    }

    #[test]
    fn the_default_range_gives_twenty_valid_values_of_the_trigger() {
        let c = default_config();
        let knob = knobs(&c)[0];
        assert_eq!(knob.path(), "streaming.mode.trigger_ms");
        for lang in [Lang::En, Lang::Pt] {
            let (from, to) = default_range(&c, knob, lang);
            let plan = prepare(&c, knob, (&from, &to, "20"), lang).expect("valid");
            assert_eq!(plan.len(), DEFAULT_COUNT, "{from} – {to}");
        }
    }

    #[test]
    fn refusals_name_the_field_and_the_value_in_the_page_language() {
        let c = default_config();
        let workers = FieldId::from_path("batch.workers").expect("knob");
        let err = prepare(&c, workers, ("1", "5000", "5"), Lang::Pt).unwrap_err();
        assert!(err.contains("5.000") && err.contains("1.024"), "{err}");
        let err = prepare(&c, workers, ("1", "1", "5"), Lang::En).unwrap_err();
        assert!(err.contains("only 1 different"), "{err}");
        let err = prepare(&c, workers, ("1", "9", "31"), Lang::En).unwrap_err();
        assert!(err.contains("31") && err.contains("2 to 30"), "{err}");
        let err = prepare(&c, workers, ("2,5", "9", "3"), Lang::En).unwrap_err();
        assert!(err.contains("2,5"), "{err}");
    }
}
