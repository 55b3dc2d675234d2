//! Messages a teacher can read out: every refusal and notice as one plain
//! sentence in the page's language that names the field, the value and the rule
//! (never the engine's raw text, a parser's words or a field path). The engine
//! says *what* is wrong in data ([`FieldError`]); this module says it to people.

use bslab_engine::FieldError;

use crate::fields::{self, BadInput, FieldId};
use crate::i18n::{Key, Lang};
use crate::numbers;
use crate::share::{ShareError, LINK_VERSION};
use crate::state::Notice;
use crate::stepping::Moment;

/// An allowed range read from the engine's words (`1 to 1024 workers`,
/// `more than 0, at most 5`, `at least 86401 ms (…)`, `a multiple of window.size_ms (60000 ms)`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// From `min` to `max`, both included.
    Between(f64, f64),
    /// More than 0, at most `max`.
    Positive(f64),
    /// At least `min`.
    AtLeast(f64),
    /// A multiple of `size`.
    Multiple(f64),
}

/// The rule in the engine's `allowed` text, if it is one of the known shapes.
pub fn rule(allowed: &str) -> Option<Rule> {
    let number = |t: &str| t.trim_matches(['(', ')', ',']).parse::<f64>().ok();
    let words: Vec<&str> = allowed.split_whitespace().collect();
    match words.as_slice() {
        [a, "to", b, ..] => Some(Rule::Between(number(a)?, number(b)?)),
        ["more", "than", "0,", "at", "most", b, ..] => Some(Rule::Positive(number(b)?)),
        ["at", "least", a, ..] => Some(Rule::AtLeast(number(a)?)),
        ["a", "multiple", "of", _, a, ..] => Some(Rule::Multiple(number(a)?)),
        _ => None,
    }
}

/// A value of field `id` for people: a duration with its unit, a number with the
/// language's separators; a text that is not a number is kept as it was typed.
pub fn value_text(lang: Lang, id: FieldId, raw: &str) -> String {
    match raw.trim().parse::<f64>() {
        Ok(x) if id.is_ms() => numbers::duration_text(x, lang),
        Ok(x) if x.is_finite() => numbers::show(x, lang),
        _ => raw.to_string(),
    }
}

fn bound(lang: Lang, id: FieldId, x: f64) -> String {
    value_text(lang, id, &x.to_string())
}

/// The rule as the end of a sentence: `from 1 to 1,024`, `more than 0 and at most 5`.
pub fn rule_text(lang: Lang, id: FieldId, rule: Rule) -> String {
    let b = |x| bound(lang, id, x);
    match rule {
        Rule::Between(min, max) => lang.fill(Key::RuleBetween, &[("min", b(min)), ("max", b(max))]),
        Rule::Positive(max) => lang.fill(Key::RulePositive, &[("max", b(max))]),
        // A lower bound of a duration reads better rounded up to whole seconds.
        Rule::AtLeast(min) if id.is_ms() && min > 1_000.0 => lang.fill(
            Key::RuleAtLeast,
            &[("min", b((min / 1_000.0).ceil() * 1_000.0))],
        ),
        Rule::AtLeast(min) => lang.fill(Key::RuleAtLeast, &[("min", b(min))]),
        Rule::Multiple(size) => lang.fill(Key::RuleMultiple, &[("size", b(size))]),
    }
}

/// The short range shown under an input (`1 – 1,024`, `> 0, ≤ 5`, `at least 1 min`).
pub fn range_text(lang: Lang, id: FieldId, allowed: &str) -> Option<String> {
    let b = |x| bound(lang, id, x);
    Some(match rule(allowed)? {
        Rule::Between(min, max) => {
            lang.fill(Key::RangeBetween, &[("min", b(min)), ("max", b(max))])
        }
        Rule::Positive(max) => lang.fill(Key::RangePositive, &[("max", b(max))]),
        other => rule_text(lang, id, other),
    })
}

/// The label of a field as a sentence names it: spikes carry their number
/// ("Spike start 2"), since there can be several.
pub fn label(lang: Lang, id: FieldId) -> String {
    let name = lang.field(id).0;
    match id {
        FieldId::BurstStart(i) | FieldId::BurstDuration(i) | FieldId::BurstMultiplier(i) => {
            format!("{name} {}", i + 1)
        }
        _ => name.to_string(),
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

/// Why a typed value was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The text could not be read as the field's kind of value.
    Input(BadInput),
    /// The engine refused the value (for this field or another one it affects).
    Field(FieldError),
}

/// A refusal of `text` typed into `id`, as a sentence in `lang`.
pub fn refusal(lang: Lang, id: FieldId, text: &str, why: &Refusal) -> String {
    match why {
        Refusal::Input(bad) => bad_input(lang, id, text, *bad),
        Refusal::Field(e) => field_error(lang, e),
    }
}

/// An engine refusal as a sentence naming the field (its label), the value and the rule.
pub fn field_error(lang: Lang, e: &FieldError) -> String {
    let Some(id) = FieldId::from_path(&e.field) else {
        return if e.field == "workload.bursts" {
            lang.t(Key::MsgTooManyBursts).to_string()
        } else {
            lang.fill(
                Key::MsgOther,
                &[("field", e.field.clone()), ("value", e.value.clone())],
            )
        };
    };
    let rule = rule(&e.allowed);
    let key = match (e.problem.as_str(), rule) {
        ("too many samples for the duration", Some(_)) => Key::MsgTooManySamples,
        ("too short for the 1 ms clock", Some(_)) => Key::MsgClockBias,
        ("each batch run must cover whole windows", Some(_)) => Key::MsgWholeWindows,
        ("too many (window, key) results", Some(_)) => Key::MsgTooManyResults,
        ("too many events for one experiment", _) => Key::MsgTooManyEvents,
        (p, _) if p.starts_with("too many events held at once") => Key::MsgHeldAtOnce,
        ("needs more memory than a browser tab has", _) => Key::MsgMemory,
        (_, Some(_)) => Key::MsgOutOfRange,
        (_, None) => Key::MsgOther,
    };
    lang.fill(
        key,
        &[
            ("field", label(lang, id)),
            ("value", value_text(lang, id, &e.value)),
            (
                "rule",
                rule.map(|r| rule_text(lang, id, r)).unwrap_or_default(),
            ),
            ("max", max_for(lang, key)),
        ],
    )
}

/// The engine's limit that message `key` quotes, in the language's format.
fn max_for(lang: Lang, key: Key) -> String {
    use bslab_engine::resources::{MAX_IN_FLIGHT_EVENTS, MAX_MEMORY_BYTES};
    match key {
        Key::MsgHeldAtOnce => crate::format::count(MAX_IN_FLIGHT_EVENTS as u64, lang),
        Key::MsgMemory => crate::format::count((MAX_MEMORY_BYTES / 1_048_576.0) as u64, lang),
        _ => String::new(),
    }
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
        Notice::BadConfig(e) => {
            let why = e.as_ref().map(|e| format!(" {}", field_error(lang, e)));
            format!(
                "{}{}",
                lang.t(Key::NoticeEngineRefused),
                why.unwrap_or_default()
            )
        }
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
    range_text(lang, id, &fields::allowed(config, id)?)
}

#[cfg(test)]
#[path = "messages_tests.rs"]
mod tests;
