//! The UI state: a plain value with `impl Reducible` and a typed [`Action`]:
//! every change is one named variant in one `match`. The simulation itself is
//! not in here (it lives in the app's runner cell, see `app.rs`); this is only
//! what is shown and what the next run must be.

use std::rc::Rc;

use bslab_engine::{presets, ExperimentConfig, FieldError, TimeMs, ValidConfig};
use yew::Reducible;

use crate::embed::View;
use crate::i18n::Lang;
use crate::lessons::progress::LessonAt;
use crate::runner::{Snapshot, DEFAULT_SPEED, SPEEDS};
use crate::share::ShareError;
use crate::stepping::Moment;

pub use crate::boot::{boot, default_config, preset_of, Boot};

/// A request to (re)build the simulation: the app's runner effect watches `id`.
#[derive(Debug, Clone, PartialEq)]
pub struct RunRequest {
    /// Changes on every rebuild.
    pub id: u64,
    /// The experiment to run, validated once when it was made.
    pub config: Rc<ValidConfig>,
    /// Re-simulate up to this instant first (a fork, or a shared link's instant), in ms.
    pub catch_up_to: TimeMs,
}

/// Result of the last "copy link".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareStatus {
    /// Nothing copied yet.
    Idle,
    /// Copied; the link is shown too.
    Copied(String),
    /// The clipboard refused; the link is shown to copy by hand.
    Failed(String),
}

/// State of "Export for Spark".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportStatus {
    /// Nothing exported yet.
    Idle,
    /// Building the zip.
    Working,
    /// Downloaded, under this file name.
    Done(String),
    /// Refused or failed, with the reason.
    Failed(String),
}

/// A visible notice at the top of the page, until dismissed: what happened, in
/// data (it is put into words in the page's language when shown, so switching
/// the language translates it too).
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The link could not be read: the defaults are shown.
    BadLink(ShareError),
    /// The experiment saved in this browser could not be read: the defaults are shown.
    BadStorage(ShareError),
    /// Link parameters this version does not know, ignored.
    IgnoredParams(Vec<String>),
    /// "Spike now" could not add a spike (the engine's reason, if it gave one).
    NoSpike(Option<FieldError>),
    /// The link's instant was after the end of the run: it opens at the end.
    Clamped {
        /// The link's instant, in ms.
        asked_ms: TimeMs,
        /// The end of the run, in ms.
        end_ms: TimeMs,
    },
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// UI language.
    pub lang: Lang,
    /// The applied experiment.
    pub config: Rc<ExperimentConfig>,
    /// The preset it equals, if any.
    pub preset: Option<&'static str>,
    /// Whether simulated time is running.
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// The current run (rebuilt when `run.id` changes).
    pub run: RunRequest,
    /// What the simulation looked like after the last frame.
    pub view: Option<Rc<Snapshot>>,
    /// Visible notices (bad URL or storage, ignored link parameters…), oldest first.
    pub notices: Vec<Notice>,
    /// A valid change that only takes effect with a restart from t = 0 (asked inline).
    pub pending: Option<Rc<ValidConfig>>,
    /// The concepts side panel is open.
    pub concepts_open: bool,
    /// The parameter panel is shown.
    pub params_open: bool,
    /// Result of "copy link".
    pub share: ShareStatus,
    /// State of "Export for Spark".
    pub export: ExportStatus,
    /// What the last Step reached (the header says it until time moves otherwise).
    pub stepped: Option<Moment>,
    // Classroom mode (see `crate::lessons`).
    /// Where the class is in a lesson, if one is open.
    pub lesson: Option<LessonAt>,
    /// Presentation mode: large type, projector colours, nothing but the lesson and the run.
    pub presenting: bool,
    /// The screen is blanked (`.`), the run paused.
    pub blank: bool,
    /// The page, embedded in a frame, or a printable handout (`?view=…`).
    pub layout: View,
    /// The experiment before the last fork, drawn as a ghost until dismissed.
    pub ghost: Option<Rc<ExperimentConfig>>,
}

/// Every change of the UI state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Switch the language (nothing else changes).
    SetLang(Lang),
    /// Play if paused, pause if playing (a finished run restarts from 0).
    TogglePlay,
    /// Stop simulated time.
    Pause,
    /// Choose a speed (index into [`SPEEDS`]).
    SetSpeed(usize),
    /// One speed up.
    Faster,
    /// One speed down.
    Slower,
    /// Back to t = 0 with the same experiment, paused.
    Reset,
    /// Load a built-in preset by name (from t = 0, paused).
    LoadPreset(String),
    /// Apply an edited config: fork from the current time, or ask to restart.
    Apply(Rc<ValidConfig>),
    /// Apply the pending change by restarting from t = 0.
    ConfirmRestart,
    /// Forget the pending change.
    CancelRestart,
    /// A new picture of the simulation.
    Frame(Rc<Snapshot>),
    /// Show a notice.
    Notify(Notice),
    /// Hide the notices.
    DismissNotice,
    /// Open or close the concepts panel.
    ToggleConcepts,
    /// Close the concepts panel.
    CloseConcepts,
    /// Show or hide the parameter panel.
    ToggleParams,
    /// Result of "copy link".
    Shared(ShareStatus),
    /// "Export for Spark" progress.
    Export(ExportStatus),
    /// A Step reached this moment, showing this frame: pauses the run.
    Step(Rc<Snapshot>, Moment),
    // Classroom mode.
    /// Open lesson number `n` at its first beat.
    OpenLesson(usize),
    /// Leave the lesson (its run stays as it is).
    CloseLesson,
    /// The presenter's "next": reveal the value, or the next beat.
    LessonNext,
    /// The presenter's "previous": hide the value, or the previous beat.
    LessonPrevious,
    /// Enter (`true`) or leave presentation mode.
    Present(bool),
    /// Blank or unblank the screen (pauses).
    ToggleBlank,
    /// Play (nothing if playing already).
    Play,
    /// Open an experiment at an instant, paused (the embedding API's `load`).
    Open(Rc<ExperimentConfig>, TimeMs),
    /// Stop drawing the run from before the fork.
    DismissGhost,
}

/// Whether going from `old` to `new` changes what defines the whole run (seed,
/// duration, sampling): those are applied by restarting from t = 0, never by a fork.
pub fn needs_restart(old: &ExperimentConfig, new: &ExperimentConfig) -> bool {
    old.seed != new.seed
        || old.duration_ms != new.duration_ms
        || old.sample_every_ms != new.sample_every_ms
}

impl AppState {
    /// A fresh, paused state for `boot`.
    pub fn new(lang: Lang, boot: Boot) -> Self {
        // Boot configs were validated when read (link, storage) or are the presets.
        let valid = Rc::new(boot.config.validated().unwrap_or_default());
        let config = Rc::new((**valid).clone());
        Self {
            lang,
            preset: boot.preset,
            playing: false,
            speed: DEFAULT_SPEED,
            run: RunRequest {
                id: 0,
                config: valid,
                catch_up_to: boot.t_ms,
            },
            config,
            view: None,
            notices: boot.notices,
            pending: None,
            concepts_open: false,
            params_open: true,
            share: ShareStatus::Idle,
            export: ExportStatus::Idle,
            stepped: None,
            lesson: None,
            presenting: false,
            blank: false,
            layout: View::Page,
            ghost: None,
        }
    }

    /// Current simulated time, in ms.
    pub fn now_ms(&self) -> TimeMs {
        self.view.as_ref().map_or(0, |v| v.live.t_ms)
    }

    /// Whether the run has reached its end.
    pub fn finished(&self) -> bool {
        self.view.as_ref().is_some_and(|v| v.finished)
    }

    /// Whether the simulation needs animation frames: playing, re-simulating, or a new run
    /// requested and not drawn yet (until its first frame the view is still the run before
    /// it, which must not read as settled: a fork's instant is the new run's, once built).
    pub fn animating(&self) -> bool {
        self.playing
            || self
                .view
                .as_ref()
                .is_none_or(|v| v.catching_up.is_some() || v.run_id != self.run.id)
    }

    /// A new run of the current experiment.
    pub(crate) fn rebuild(&mut self, catch_up_to: TimeMs) {
        self.rebuild_with(Rc::clone(&self.run.config), catch_up_to);
    }

    /// A new run of `config`, which becomes the experiment shown.
    pub(crate) fn rebuild_with(&mut self, config: Rc<ValidConfig>, catch_up_to: TimeMs) {
        self.preset = preset_of(&config);
        self.config = Rc::new((**config).clone());
        self.run = RunRequest {
            id: self.run.id + 1,
            config,
            catch_up_to,
        };
        self.share = ShareStatus::Idle;
        self.export = ExportStatus::Idle;
        self.stepped = None;
    }

    fn load(&mut self, config: Rc<ValidConfig>) {
        self.ghost = None;
        self.pending = None;
        self.playing = false;
        self.rebuild_with(config, 0);
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetLang(lang) => s.lang = lang,
            Action::TogglePlay => {
                if !s.playing && s.finished() {
                    s.rebuild(0);
                }
                s.playing = !s.playing;
                s.stepped = None;
            }
            Action::Pause => s.playing = false,
            Action::SetSpeed(i) => s.speed = i.min(SPEEDS.len() - 1),
            Action::Faster => s.speed = (s.speed + 1).min(SPEEDS.len() - 1),
            Action::Slower => s.speed = s.speed.saturating_sub(1),
            Action::Reset => {
                s.playing = false;
                s.pending = None;
                s.rebuild(0);
            }
            Action::LoadPreset(name) => match presets::by_name(&name).map(|p| p.config.validated())
            {
                Some(Ok(config)) => s.load(Rc::new(config)),
                _ => return self,
            },
            // Validated by whoever made it (once per edit): not checked again here.
            Action::Apply(config) => {
                if **config == *s.config {
                    return self;
                }
                if needs_restart(&s.config, &config) && s.now_ms() > 0 {
                    s.pending = Some(config);
                } else {
                    let t = s.now_ms().min(config.duration_ms);
                    s.ghost = Some(Rc::clone(&s.config));
                    s.pending = None;
                    s.rebuild_with(config, t);
                }
            }
            Action::ConfirmRestart => match s.pending.take() {
                Some(config) => {
                    let playing = s.playing;
                    s.load(config);
                    s.playing = playing;
                }
                None => return self,
            },
            Action::CancelRestart => s.pending = None,
            Action::Frame(view) => {
                if view.finished {
                    s.playing = false;
                }
                s.view = Some(view);
            }
            Action::Notify(notice) => s.notices.push(notice),
            Action::DismissNotice => s.notices.clear(),
            Action::ToggleConcepts => s.concepts_open = !s.concepts_open,
            Action::CloseConcepts => {
                if !s.concepts_open {
                    return self;
                }
                s.concepts_open = false;
            }
            Action::ToggleParams => s.params_open = !s.params_open,
            Action::Shared(status) => s.share = status,
            Action::Export(status) => s.export = status,
            Action::Step(view, moment) => {
                s.playing = false;
                s.view = Some(view);
                s.stepped = Some(moment);
            }
            Action::OpenLesson(n) => s.go_to_beat(LessonAt::start(n)),
            Action::CloseLesson => s.lesson = None,
            Action::LessonNext => match s.lesson.and_then(LessonAt::next) {
                Some(at) => s.go_to_beat(at),
                None => return self,
            },
            Action::LessonPrevious => match s.lesson.and_then(LessonAt::previous) {
                Some(at) => s.go_to_beat(at),
                None => return self,
            },
            Action::Present(on) => {
                s.presenting = on;
                s.blank = false;
            }
            Action::ToggleBlank => {
                s.blank = !s.blank;
                s.playing = false;
            }
            Action::Play if s.playing => return self,
            Action::Play => return self.reduce(Action::TogglePlay),
            Action::Open(config, t) => s.open_run(config, t),
            Action::DismissGhost => s.ghost = None,
        }
        Rc::new(s)
    }
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
