//! What moving through a lesson does to the page's state: a new beat loads its
//! experiment (only when it differs, so the run keeps its checkpoints) and
//! asks the runner for the beat's instant, paused; a reveal changes nothing else.

use std::rc::Rc;

use bslab_engine::{ExperimentConfig, TimeMs};

use super::progress::LessonAt;
use crate::share::ShareError;
use crate::state::{AppState, Notice};

impl AppState {
    /// Goes to `at`: the beat's experiment at the beat's instant, paused.
    pub(crate) fn go_to_beat(&mut self, at: LessonAt) {
        let moved = self.lesson.is_none_or(|from| from.moves_run(at));
        self.lesson = Some(at);
        let Some(beat) = at.current().filter(|_| moved) else {
            return;
        };
        match beat.config() {
            Ok(config) => self.open_run(Rc::new(config), beat.at_ms),
            // The lesson test rules this out; a notice rather than a silent stop.
            Err(_) => self.notices.push(Notice::BadLink(ShareError::Damaged)),
        }
    }

    /// Opens `config` at `t_ms`, paused: within the current run when it is the
    /// same experiment (the runner seeks), else a new run caught up to `t_ms`.
    pub(crate) fn open_run(&mut self, config: Rc<ExperimentConfig>, t_ms: TimeMs) {
        self.pending = None;
        self.playing = false;
        let valid = match (*config).clone().validated() {
            Ok(valid) => Rc::new(valid),
            Err(e) => {
                let bad = e
                    .fields
                    .into_iter()
                    .next()
                    .map_or(ShareError::Damaged, ShareError::Invalid);
                return self.notices.push(Notice::BadLink(bad));
            }
        };
        let t_ms = t_ms.clamp(0, config.duration_ms);
        if config == self.config {
            self.rebuild(t_ms);
        } else {
            self.ghost = None;
            self.rebuild_with(valid, t_ms);
        }
    }
}
