//! The range typed in the sweep form (its "from" and "to" boxes), kept with the
//! knob, language and experiment it was typed for. The form shows it only while
//! those are still the form's, and the default range around the current value
//! otherwise: compared at each render rather than reset by an effect, since Yew
//! may run an effect after yielding to the browser, and a reset of an earlier
//! render would then erase a range typed in between (as the parameter field's
//! draft does, `crate::components::field`).

use std::rc::Rc;

use bslab_engine::ExperimentConfig;
use yew::Reducible;

use super::plan;
use crate::fields::FieldId;
use crate::i18n::Lang;

/// What a typed range belongs to: the knob, the language it was typed in, the experiment.
#[derive(Clone, PartialEq)]
pub struct Context {
    pub knob: FieldId,
    pub lang: Lang,
    pub config: Rc<ExperimentConfig>,
}

impl Context {
    fn same(&self, other: &Context) -> bool {
        self.knob == other.knob
            && self.lang == other.lang
            && (Rc::ptr_eq(&self.config, &other.config) || self.config == other.config)
    }
}

/// One end of the range.
#[derive(Clone, Copy, PartialEq)]
pub enum End {
    From,
    To,
}

/// An edit of one end, in `context`.
pub struct Edit {
    pub context: Context,
    pub end: End,
    pub text: String,
}

/// The last range typed, if any.
#[derive(Default, PartialEq)]
pub struct Typed(Option<(Context, String, String)>);

impl Typed {
    /// The range the form shows in `context`: the typed one if it was typed
    /// there, else the default range around the current value.
    pub fn shown(&self, context: &Context) -> (String, String) {
        match &self.0 {
            Some((c, from, to)) if c.same(context) => (from.clone(), to.clone()),
            _ => plan::default_range(&context.config, context.knob, context.lang),
        }
    }
}

impl Reducible for Typed {
    type Action = Edit;

    /// The edit applied to the range as it is shown in its context (the other
    /// end keeps what the form shows), read from the latest state.
    fn reduce(self: Rc<Self>, edit: Edit) -> Rc<Self> {
        let (mut from, mut to) = self.shown(&edit.context);
        match edit.end {
            End::From => from = edit.text,
            End::To => to = edit.text,
        }
        Rc::new(Self(Some((edit.context, from, to))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(lang: Lang, trigger_ms: Option<i64>) -> Context {
        let mut config = bslab_engine::presets::all()[0].config.clone();
        if let (Some(ms), bslab_engine::StreamingMode::MicroBatch { trigger_ms, .. }) =
            (trigger_ms, &mut config.streaming.mode)
        {
            *trigger_ms = ms;
        }
        let knob = plan::knobs(&config)[0];
        Context {
            knob,
            lang,
            config: Rc::new(config),
        }
    }

    #[test]
    fn a_typed_range_stays_until_its_context_changes() {
        let en = context(Lang::En, None);
        let default = Typed::default().shown(&en);
        assert!(!default.0.is_empty() && !default.1.is_empty());
        let typed = Rc::new(Typed::default()).reduce(Edit {
            context: en.clone(),
            end: End::From,
            text: "2 s".into(),
        });
        let typed = typed.reduce(Edit {
            context: en.clone(),
            end: End::To,
            text: "9 s".into(),
        });
        assert_eq!(typed.shown(&en), ("2 s".into(), "9 s".into()));
        // The same experiment given again (a new Rc, equal): still what was typed.
        let again = Context {
            config: Rc::new((*en.config).clone()),
            ..en.clone()
        };
        assert_eq!(typed.shown(&again), ("2 s".into(), "9 s".into()));
        // Another language or another experiment: the default range there.
        let pt = context(Lang::Pt, None);
        assert_eq!(typed.shown(&pt), Typed::default().shown(&pt));
        let other = context(Lang::En, Some(60_000));
        assert_eq!(typed.shown(&other), Typed::default().shown(&other));
        assert_ne!(typed.shown(&other), default);
    }
}
