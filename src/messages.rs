//! Messages a teacher can read out: every refusal and notice as one plain
//! sentence in the page's language that names the field, the value and the rule
//! (never the engine's raw text, a parser's words or a field path). The engine
//! says *what* is wrong in data ([`FieldError`]); this module says it to people.

use bslab_engine::params::{Bounds, Unit};
use bslab_engine::{FieldError, Problem};

use crate::fields::{self, BadInput, FieldId, Refusal};
use crate::i18n::{Key, Lang};
use crate::numbers;
use crate::share::{ShareError, LINK_VERSION};
use crate::state::Notice;
use crate::stepping::Moment;

/// A value of field `id` for people: a duration with its unit, a number with the
/// language's separators.
pub fn value_text(lang: Lang, id: FieldId, x: f64) -> String {
    if id.is_ms() {
        numbers::duration_text(x, lang)
    } else {
        numbers::show(x, lang)
    }
}

/// A bound of a rule: the value with its unit (`1 min`, `1.024 workers`).
fn bound(lang: Lang, unit: Unit, x: f64) -> String {
    if unit == Unit::Ms {
        return numbers::duration_text(x, lang);
    }
    match lang.unit(unit).1 {
        "" => numbers::show(x, lang),
        word => format!("{} {word}", numbers::show(x, lang)),
    }
}

/// A rule as the end of a sentence: `from 1 to 1,024 workers` (the unit said
/// once, after the maximum; durations each with theirs: `from 1 s to 400 d`),
/// `more than 0 and at most 5`.
fn between(lang: Lang, unit: Unit, b: Bounds) -> String {
    let max = bound(lang, unit, b.max);
    if b.min_excluded {
        return lang.fill(Key::RulePositive, &[("max", max)]);
    }
    let min = if unit == Unit::Ms {
        numbers::duration_text(b.min, lang)
    } else {
        numbers::show(b.min, lang)
    };
    lang.fill(Key::RuleBetween, &[("min", min), ("max", max)])
}

/// A lower bound as the end of a sentence; a duration's rounded up to whole seconds.
fn at_least(lang: Lang, unit: Unit, min: f64) -> String {
    let min = if unit == Unit::Ms && min > 1_000.0 {
        (min / 1_000.0).ceil() * 1_000.0
    } else {
        min
    };
    lang.fill(Key::RuleAtLeast, &[("min", bound(lang, unit, min))])
}

/// The short range shown under an input (`1 – 1,024`, `> 0, ≤ 5`).
pub fn range_text(lang: Lang, id: FieldId, b: Bounds) -> String {
    let v = |x| value_text(lang, id, x);
    if b.min_excluded {
        lang.fill(Key::RangePositive, &[("max", v(b.max))])
    } else {
        lang.fill(Key::RangeBetween, &[("min", v(b.min)), ("max", v(b.max))])
    }
}

/// The label of a field as a sentence names it: spikes carry their number
/// ("Spike start 2"), since there can be several.
pub fn label(lang: Lang, id: FieldId) -> String {
    let name = lang.field(id).0;
    if id.param().is_list() {
        format!("{name} {}", id.item() + 1)
    } else {
        name.to_string()
    }
}

/// Why the text typed into `id` could not even be read, as a sentence.
pub fn bad_input(lang: Lang, id: FieldId, text: &str, why: BadInput) -> String {
    let key = match why {
        BadInput::NotANumber => Key::MsgNotANumber,
        BadInput::NotWhole => Key::MsgNotWhole,
        BadInput::NotADuration => Key::MsgNotADuration,
        BadInput::UnknownUnit => Key::MsgUnknownUnit,
        BadInput::Separators => Key::MsgSeparators,
        BadInput::SeedRange => Key::MsgSeedRange,
    };
    lang.fill(
        key,
        &[
            ("field", label(lang, id)),
            ("value", text.trim().to_string()),
            ("max", crate::format::count(u64::MAX, lang)),
        ],
    )
}

/// A refusal of `text` typed into `id`, as a sentence in `lang`.
pub fn refusal(lang: Lang, id: FieldId, text: &str, why: &Refusal) -> String {
    match why {
        Refusal::Input(bad) => bad_input(lang, id, text, *bad),
        Refusal::Field(e) => field_error(lang, e),
    }
}

/// An engine refusal as a sentence naming the field (its label), the value and
/// the rule, worded from the error's data alone.
pub fn field_error(lang: Lang, e: &FieldError) -> String {
    let Some(id) = FieldId::from_path(&e.field) else {
        return match e.problem {
            Problem::TooManyBursts { max } => {
                lang.fill(Key::MsgTooManyBursts, &[("max", numbers::show(max, lang))])
            }
            _ => lang.fill(
                Key::MsgOther,
                &[
                    ("field", e.field.clone()),
                    ("value", numbers::show(e.value, lang)),
                ],
            ),
        };
    };
    let count = |x: f64| crate::format::count(x as u64, lang);
    let (key, rule, max) = match e.problem {
        Problem::OutOfRange { min, max } => (
            Key::MsgOutOfRange,
            between(lang, e.unit, Bounds::new(min, max)),
            String::new(),
        ),
        Problem::NotPositive { max } => (
            Key::MsgOutOfRange,
            between(lang, e.unit, Bounds::positive(max)),
            String::new(),
        ),
        Problem::TooShortForClock { min, max } => (
            Key::MsgClockBias,
            between(lang, e.unit, Bounds::new(min, max)),
            String::new(),
        ),
        Problem::TooManySamples { min } => (
            Key::MsgTooManySamples,
            at_least(lang, e.unit, min),
            String::new(),
        ),
        Problem::TooManyResults { min } | Problem::TooManyToList { min } => (
            Key::MsgTooManyResults,
            at_least(lang, e.unit, min),
            String::new(),
        ),
        Problem::NotWholeWindows { window } => (
            Key::MsgWholeWindows,
            lang.fill(Key::RuleMultiple, &[("size", bound(lang, e.unit, window))]),
            String::new(),
        ),
        Problem::NotWholeSlides { slide } => (
            Key::MsgWholeSlides,
            lang.fill(Key::RuleMultiple, &[("size", bound(lang, e.unit, slide))]),
            String::new(),
        ),
        Problem::CompleteTooLarge { min } => (
            Key::MsgCompleteTooLarge,
            at_least(lang, e.unit, min),
            String::new(),
        ),
        Problem::TooManyEvents { max, .. } | Problem::TooManyToExport { max, .. } => {
            (Key::MsgTooManyEvents, String::new(), count(max))
        }
        Problem::TooManyHeld { max, .. } => (Key::MsgHeldAtOnce, String::new(), count(max)),
        Problem::TooMuchMemory { max_mb, .. } => (Key::MsgMemory, String::new(), count(max_mb)),
        Problem::TooManyBursts { max } => (Key::MsgTooManyBursts, String::new(), count(max)),
        Problem::SessionUpdate => {
            let text = crate::i18n::sessions::t(lang, crate::i18n::sessions::Text::UpdateRefused);
            return text.replace("{field}", &label(lang, id));
        }
        Problem::PerRecordOnly => {
            let value = fields::choice_name(id, e.value).map_or_else(
                || value_text(lang, id, e.value),
                |name| lang.word(name).to_string(),
            );
            return crate::i18n::per_record::flink_rule_refused(lang)
                .replace("{field}", &label(lang, id))
                .replace("{value}", &value);
        }
    };
    lang.fill(
        key,
        &[
            ("field", label(lang, id)),
            ("value", value_text(lang, id, e.value)),
            ("rule", rule),
            ("max", max),
        ],
    )
}

fn share_error(lang: Lang, e: &ShareError, damaged: Key, invalid: Key) -> String {
    match e {
        ShareError::Damaged => lang.t(damaged).to_string(),
        ShareError::Invalid(field) => format!("{} {}", lang.t(invalid), field_error(lang, field)),
        ShareError::Newer(version) => lang.fill(
            Key::NoticeLinkNewer,
            &[
                ("version", version.clone()),
                ("current", LINK_VERSION.to_string()),
            ],
        ),
    }
}

/// A notice as what the page says.
pub fn notice(lang: Lang, n: &Notice) -> String {
    match n {
        Notice::BadLink(e) => share_error(lang, e, Key::NoticeLinkDamaged, Key::NoticeLinkInvalid),
        Notice::BadStorage(e) => share_error(
            lang,
            e,
            Key::NoticeStorageDamaged,
            Key::NoticeStorageInvalid,
        ),
        Notice::NoSpike(e) => {
            let why = e.as_ref().map(|e| format!(" {}", field_error(lang, e)));
            format!("{}{}", lang.t(Key::NoticeNoSpike), why.unwrap_or_default())
        }
        Notice::IgnoredParams(names) => {
            lang.fill(Key::NoticeIgnored, &[("names", names.join(", "))])
        }
        Notice::Clamped { asked_ms, end_ms } => lang.fill(
            Key::NoticeClamped,
            &[
                ("asked", crate::format::clock(*asked_ms)),
                ("end", crate::format::clock(*end_ms)),
            ],
        ),
    }
}

/// Why a download did not start, as a sentence (the reason, not the file name).
pub fn download_failed(lang: Lang, why: crate::browser::DownloadError) -> String {
    use crate::browser::DownloadError;
    let reason = match why {
        DownloadError::NoPage => Key::DownloadNoPage,
        DownloadError::NoFile => Key::DownloadNoFile,
        DownloadError::NoAddress => Key::DownloadNoAddress,
    };
    lang.fill(Key::DownloadFailed, &[("why", lang.t(reason).to_string())])
}

/// What a Step reached, for the header.
pub fn moment(lang: Lang, m: Moment) -> String {
    match m {
        Moment::BatchStarted => lang.t(Key::SteppedBatchStarted).to_string(),
        Moment::BatchFinished => lang.t(Key::SteppedBatchFinished).to_string(),
        Moment::MicroBatch => lang.t(Key::SteppedMicroBatch).to_string(),
        Moment::WindowsFired(n) => lang.fill(Key::SteppedWindows, &[("n", n.to_string())]),
        Moment::Arrival => lang.t(Key::SteppedArrival).to_string(),
        Moment::End => lang.t(Key::SteppedEnd).to_string(),
        Moment::NothingYet => lang.t(Key::SteppedNothing).to_string(),
    }
}

/// The allowed range of `id` as people read it (none for choices and the seed).
pub fn allowed_text(
    lang: Lang,
    config: &bslab_engine::ExperimentConfig,
    id: FieldId,
) -> Option<String> {
    (id != fields::seed()).then_some(())?;
    fields::bounds(config, id).map(|b| range_text(lang, id, b))
}

#[cfg(test)]
#[path = "messages_tests.rs"]
mod tests;
