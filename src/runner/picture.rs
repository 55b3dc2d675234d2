//! The runner's event-time picture: rebuilt at once, or in two halves on two frames
//! (the pass over the arrivals in view is most of a rebuild's cost: about 10 ms at the
//! densest preset, too much for one frame beside the browser's own work).

use std::rc::Rc;

use bslab_engine::event_time::MAX_MARKS;

use super::Runner;
use crate::event_time::PictureRef;

impl Runner {
    /// Rebuilds the event-time picture if time has moved since the last one
    /// (while playing, the driver rebuilds it twice a second, in halves: see
    /// [`Runner::start_picture`]).
    pub fn refresh_picture(&mut self) {
        if !self.picture_is_current() {
            self.picture = self
                .sim
                .event_time_picture(MAX_MARKS)
                .map(|p| PictureRef(Rc::new(p)));
        }
    }

    /// The first half of a rebuild: starts it (if time has moved since the last picture)
    /// and takes the first half of the arrivals in view; [`Runner::finish_picture`], at
    /// the same instant, takes the rest and makes the same picture as
    /// [`Runner::refresh_picture`].
    pub fn start_picture(&mut self) {
        self.picture_build = None;
        if self.picture_is_current() {
            return;
        }
        if let Some(mut build) = self.sim.start_event_time_picture(MAX_MARKS) {
            let half = build.remaining().div_ceil(2);
            self.sim.continue_event_time_picture(&mut build, half);
            self.picture_build = Some(build);
        }
    }

    /// The second half of the rebuild [`Runner::start_picture`] began (a whole rebuild if
    /// the simulation moved since).
    pub fn finish_picture(&mut self) {
        if let Some(mut build) = self.picture_build.take() {
            if self.sim.continue_event_time_picture(&mut build, usize::MAX) {
                if let Some(p) = self.sim.finish_event_time_picture(build) {
                    self.picture = Some(PictureRef(Rc::new(p)));
                }
            }
        }
        self.refresh_picture();
    }

    /// The event-time picture as last built (see [`Runner::refresh_picture`]).
    pub fn picture(&self) -> Option<&PictureRef> {
        self.picture.as_ref()
    }

    fn picture_is_current(&self) -> bool {
        self.picture.as_ref().map(|p| p.0.counts.t_ms) == Some(self.sim.now())
    }
}
