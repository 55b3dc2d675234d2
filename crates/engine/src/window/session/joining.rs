//! Adding an event to a key's sessions and learning what it joined, for the
//! callers that keep something of their own per session, by its start: the
//! open sessions' indexes ([`super::super::OpenSessions`]) and the event-time
//! picture's marks (which events were published, where a late event merged
//! two sessions). The merge itself stays [`KeySessions::insert`]'s.

use super::{KeySessions, Session};
use crate::time::TimeMs;

/// What adding one event to a key's sessions did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Joining {
    /// The sessions it joined, as they were before it, latest first: none
    /// opens a session, one extends it, two or more merged into one.
    pub(crate) joined: Vec<Session>,
    /// The session that now holds it.
    pub(crate) merged: Session,
}

impl KeySessions {
    /// Adds `new` (one event's session) like [`KeySessions::insert`], and
    /// says which sessions it joined and the session that now holds it.
    pub(crate) fn insert_joining(&mut self, new: Session) -> Joining {
        let joined = self.touching(&new);
        self.insert(new);
        let start = joined.iter().map(|s| s.start).fold(new.start, TimeMs::min);
        let merged = self.get(start).copied().unwrap_or(new);
        Joining { joined, merged }
    }
}
