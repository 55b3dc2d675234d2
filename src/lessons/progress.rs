//! Where a class is in a lesson, and what the presenter's next / previous
//! click does: PgDn reveals a beat's hidden value before going on to the next
//! beat; PgUp walks the same states back. Past the last beat the lesson is
//! over and its run stays open as a sandbox (PgUp still goes back into it).

use super::{all, Beat, Lesson};

/// A position in a lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonAt {
    /// Index into [`super::all`].
    pub lesson: usize,
    /// Index of the beat; the number of beats once the lesson is over (sandbox).
    pub beat: usize,
    /// The beat's question has been answered (its value is shown).
    pub revealed: bool,
}

impl LessonAt {
    /// The first beat of lesson `lesson`.
    pub fn start(lesson: usize) -> Self {
        Self {
            lesson,
            beat: 0,
            revealed: false,
        }
    }

    /// The lesson.
    pub fn lesson(self) -> Option<&'static Lesson> {
        all().get(self.lesson)
    }

    /// The current beat (`None` once the lesson is over).
    pub fn current(self) -> Option<&'static Beat> {
        self.lesson()?.beats.get(self.beat)
    }

    /// Whether the lesson is over (its run is a sandbox now).
    pub fn finished(self) -> bool {
        self.current().is_none()
    }

    fn has_ask(self) -> bool {
        self.current().is_some_and(|b| b.ask.is_some())
    }

    /// After a "next" click: reveal, or the next beat, or the end (`None` once over).
    pub fn next(self) -> Option<LessonAt> {
        if self.finished() {
            return None;
        }
        if self.has_ask() && !self.revealed {
            return Some(Self {
                revealed: true,
                ..self
            });
        }
        Some(Self {
            beat: self.beat + 1,
            revealed: false,
            ..self
        })
    }

    /// After a "previous" click: hide the value again, or the previous beat as it
    /// was left (revealed), `None` before the first beat.
    pub fn previous(self) -> Option<LessonAt> {
        if self.revealed {
            return Some(Self {
                revealed: false,
                ..self
            });
        }
        let beat = self.beat.checked_sub(1)?;
        let back = Self {
            beat,
            revealed: false,
            ..self
        };
        Some(Self {
            revealed: back.has_ask(),
            ..back
        })
    }

    /// Whether going from `self` to `to` changes the experiment or its instant
    /// (not just the question's reveal).
    pub fn moves_run(self, to: LessonAt) -> bool {
        self.lesson != to.lesson || self.beat != to.beat
    }
}
