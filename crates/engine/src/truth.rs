//! Ground truth: the exact aggregate of every event of every window, known to
//! the simulator as it generates them, used to score both pipelines.
//!
//! Events are generated in event-time order, so the windows still open are the
//! windows of the latest event (one for tumbling windows); a window is final
//! once generation has passed its end, and is then compacted to the rows the
//! query outputs.

use std::collections::BTreeMap;

use crate::event::Event;
use crate::scenario::{Scenario, PAGES};
use crate::time::TimeMs;
use crate::web_sessions::LandingPages;
use crate::window::{Agg, Geometry, OpenSessions, SessionSummary};

#[derive(Debug, Clone)]
pub(crate) struct Truth {
    geometry: Geometry,
    /// Windows not yet final, by id (ids order windows by end).
    open: BTreeMap<TimeMs, Vec<Agg>>,
    /// Tumbling windows: the one open window, by id, kept out of `open`
    /// (which stays empty) so that an event finds it without a map lookup.
    current: Option<(TimeMs, Vec<Agg>)>,
    /// The end of the `current` window (exclusive).
    current_end: TimeMs,
    /// Final windows: (window id, key) → aggregate, only rows the query outputs.
    pub(crate) rows: BTreeMap<(TimeMs, u32), Agg>,
    /// Per key, the sum of `rows`: what a pipeline that published every final
    /// window exactly would show on its dashboard.
    totals: Vec<Agg>,
    keys: u32,
    /// Session windows: the sessions that the next event can still extend, as
    /// a batch over all events (`sessionize`) computes them. Once generation
    /// passes a session's end it is final and moves to `rows`, so this holds
    /// the open sessions only, not every session of the run.
    sessions: Option<OpenSessions>,
    /// Session windows: the end of every final session, by (start, key), also
    /// of those the query filters out (a pipeline may publish part of one).
    session_ends: BTreeMap<(TimeMs, u32), TimeMs>,
    /// Web traffic: its sessions are these sessions, summed up by landing
    /// page as they become final ([`crate::web_sessions`]).
    landing_pages: Option<LandingPages>,
}

impl Truth {
    /// The truth of windows of `geometry` over `keys` group keys; with
    /// `landing_pages`, its sessions summed up for web traffic too.
    pub(crate) fn new(geometry: Geometry, keys: u32, landing_pages: Option<LandingPages>) -> Self {
        let sessions = geometry.open_sessions();
        Self {
            geometry,
            open: BTreeMap::new(),
            current: None,
            current_end: TimeMs::MIN,
            rows: BTreeMap::new(),
            totals: vec![Agg::default(); keys as usize],
            keys,
            sessions,
            session_ends: BTreeMap::new(),
            landing_pages,
        }
    }

    /// Adds a run of generated events (in event-time order, as the generator
    /// hands them out). Tumbling windows take a window's stretch at a time:
    /// the events are in event-time order, so those before the open
    /// window's end are its stretch, found by testing the run's last event
    /// (a run of 64 generated events rarely crosses a window's end) or by a
    /// binary search, not by a test of each event; the loop over a stretch
    /// only computes keys and adds amounts. Other windows go an event at a
    /// time.
    #[inline]
    pub(crate) fn add_run(&mut self, scenario: &Scenario, events: &[Event]) {
        if self.sessions.is_some() || self.geometry.tumbling().is_none() {
            for event in events {
                self.add(scenario, event, scenario.group_key(event));
            }
            return;
        }
        let mut rest = events;
        while let Some(first) = rest.first() {
            let end = self.tumbling_end(scenario, first.event_time_ms);
            let n = match rest.last() {
                Some(last) if last.event_time_ms < end => rest.len(),
                _ => rest.partition_point(|e| e.event_time_ms < end),
            };
            // At least the first event: it is in the window ending at `end`.
            let (stretch, later) = rest.split_at(n.max(1));
            if let Some((_, aggs)) = self.current.as_mut() {
                for event in stretch {
                    if let Some(a) = aggs.get_mut(scenario.group_key(event) as usize) {
                        a.add(event.amount_cents);
                    }
                }
            }
            rest = later;
        }
    }

    /// Tumbling windows: the end of the window of event time `t`, made the
    /// open one ([`Truth::tumbling_window`]) unless it is already.
    #[inline(always)]
    fn tumbling_end(&mut self, scenario: &Scenario, t: TimeMs) -> TimeMs {
        match self.current {
            Some((start, _)) if start <= t && t < self.current_end => self.current_end,
            _ => {
                let start = self.geometry.tumbling_start(t).unwrap_or(t);
                self.tumbling_window(scenario, start);
                self.current_end = self.geometry.end_of(start);
                self.current_end
            }
        }
    }

    #[inline]
    pub(crate) fn add(&mut self, scenario: &Scenario, event: &Event, key: u32) {
        if let Some(open) = &mut self.sessions {
            // Generation is in event-time order: no later event reaches a
            // session that ended before this one.
            for (k, s) in open.close(event.event_time_ms - 1) {
                self.session_ends.insert((s.start, k), s.end);
                if let Some(pages) = &mut self.landing_pages {
                    pages.finished(k, &s);
                }
                if scenario.passes(&s.agg) {
                    if let Some(t) = self.totals.get_mut(k as usize) {
                        t.count += s.agg.count;
                        t.sum_cents += s.agg.sum_cents;
                    }
                    self.rows.insert((s.start, k), s.agg);
                }
            }
            let placed = open.insert(key, event.event_time_ms, event.amount_cents);
            if let Some(pages) = self.landing_pages.as_mut().filter(|_| placed.opened) {
                pages.opened(key, event);
            }
            return;
        }
        if let Some(start) = self.geometry.tumbling_start(event.event_time_ms) {
            let aggs = self.tumbling_window(scenario, start);
            if let Some(a) = aggs.get_mut(key as usize) {
                a.add(event.amount_cents);
            }
            return;
        }
        let ids = self.geometry.windows_of(event.event_time_ms);
        // Windows ending before this event's earliest are final.
        if self
            .open
            .first_key_value()
            .is_some_and(|(&id, _)| id < ids.first)
        {
            self.close_before(scenario, ids.first);
        }
        for id in ids {
            self.add_to(id, (key, event.amount_cents));
        }
    }

    /// Tumbling windows: the aggregates of window `start`. The one open window
    /// is this one, or it is final and an event of `start` opens the next.
    #[inline(always)]
    fn tumbling_window(&mut self, scenario: &Scenario, start: TimeMs) -> &mut Vec<Agg> {
        if self.current.as_ref().is_some_and(|(id, _)| *id != start) {
            self.close_current(scenario, start);
        }
        let keys = self.keys as usize;
        &mut self
            .current
            .get_or_insert_with(|| (start, vec![Agg::default(); keys]))
            .1
    }

    /// Tumbling windows: makes the open window final, as the next one, `id`,
    /// is about to open.
    #[cold]
    fn close_current(&mut self, scenario: &Scenario, id: TimeMs) {
        if let Some((last, aggs)) = self.current.take() {
            self.open.insert(last, aggs);
            self.close_before(scenario, id);
        }
    }

    /// Adds an amount to `key`'s aggregate in the open window `id`. Most
    /// events are in the newest window, found without a search; otherwise the
    /// window is opened.
    #[inline(always)]
    fn add_to(&mut self, id: TimeMs, (key, amount): (u32, i64)) {
        let keys = self.keys as usize;
        let aggs = match self.open.last_entry() {
            Some(last) if *last.key() == id => last.into_mut(),
            _ => self
                .open
                .entry(id)
                .or_insert_with(|| vec![Agg::default(); keys]),
        };
        if let Some(a) = aggs.get_mut(key as usize) {
            a.add(amount);
        }
    }

    /// Compacts the open windows with an id before `id` into final rows.
    fn close_before(&mut self, scenario: &Scenario, id: TimeMs) {
        let open = self.open.split_off(&id);
        for (start, aggs) in std::mem::replace(&mut self.open, open) {
            for (k, a) in aggs.into_iter().enumerate() {
                if scenario.passes(&a) {
                    if let Some(t) = self
                        .totals
                        .get_mut(k)
                        .filter(|_| self.geometry.counts_once(start))
                    {
                        t.count += a.count;
                        t.sum_cents += a.sum_cents;
                    }
                    self.rows.insert((start, k as u32), a);
                }
            }
        }
    }

    /// The windows not yet final, by id: `open`, then the tumbling one.
    fn open_windows(&self) -> impl Iterator<Item = (TimeMs, &Vec<Agg>)> {
        let current = self.current.iter().map(|(id, aggs)| (*id, aggs));
        self.open
            .iter()
            .map(|(id, aggs)| (*id, aggs))
            .chain(current)
    }

    /// Per key, the sum of the rows the query outputs over every event generated
    /// so far (final windows and the open one): the same filter as the pipelines'
    /// published totals, so a dashboard compares like with like (fraud: only
    /// transactions in windows that raise an alert).
    pub(crate) fn totals(&self, scenario: &Scenario) -> Vec<Agg> {
        let mut totals = self.totals.clone();
        for (key, s) in self.sessions.iter().flat_map(OpenSessions::iter) {
            if let Some(t) = totals
                .get_mut(key as usize)
                .filter(|_| scenario.passes(&s.agg))
            {
                t.count += s.agg.count;
                t.sum_cents += s.agg.sum_cents;
            }
        }
        let open = self
            .open_windows()
            .filter(|(id, _)| self.geometry.counts_once(*id));
        for (_, aggs) in open {
            for (t, a) in totals.iter_mut().zip(aggs) {
                if scenario.passes(a) {
                    t.count += a.count;
                    t.sum_cents += a.sum_cents;
                }
            }
        }
        totals
    }

    /// Rows of windows before this id are final (none with session windows,
    /// whose rows are not folded: [`crate::settled`]).
    pub(crate) fn settled_before(&self) -> TimeMs {
        match (&self.sessions, self.open_windows().next()) {
            (None, Some((id, _))) => id,
            _ => TimeMs::MIN,
        }
    }

    /// Rows of the final windows plus the open ones (for reports mid-run) in
    /// (window id, key) order, one at a time: the open windows come after
    /// every final one.
    pub(crate) fn rows_in_order<'a>(
        &'a self,
        scenario: &'a Scenario,
    ) -> impl Iterator<Item = ((TimeMs, u32), Agg)> + 'a {
        let open = self.open_windows().flat_map(move |(start, aggs)| {
            aggs.iter()
                .enumerate()
                .filter(|(_, a)| scenario.passes(a))
                .map(move |(k, a)| ((start, k as u32), *a))
        });
        let sessions = self
            .sessions
            .iter()
            .flat_map(OpenSessions::iter)
            .filter(|(_, s)| scenario.passes(&s.agg))
            .map(|(key, s)| ((s.start, key), s.agg));
        // Sessions: the final ones (in `rows`) and the open ones interleave by start.
        let mut rows = self.rows.iter().map(|(k, a)| (*k, *a)).peekable();
        let mut sessions = sessions.peekable();
        std::iter::from_fn(move || match (rows.peek(), sessions.peek()) {
            (Some(r), Some(s)) if s.0 < r.0 => sessions.next(),
            (Some(_), _) => rows.next(),
            (None, _) => sessions.next(),
        })
        .chain(open)
    }

    /// Web traffic: every session so far by landing page (the open ones as
    /// they are now).
    pub(crate) fn sessions_by_landing_page(&self) -> Option<[SessionSummary; PAGES.len()]> {
        let open = self.sessions.iter().flat_map(OpenSessions::iter);
        Some(self.landing_pages.as_ref()?.by_page(open))
    }

    /// End of the true session (start, key), with session windows.
    pub(crate) fn session_end(&self, (start, key): (TimeMs, u32)) -> Option<TimeMs> {
        let open = self.sessions.as_ref()?.get(key, start).map(|s| s.end);
        open.or_else(|| self.session_ends.get(&(start, key)).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{ScenarioConfig, WindowConfig, WindowKind};

    /// The truth holds only the sessions the next event can still extend, not
    /// every session of the run, and still reports every session whole.
    #[test]
    fn final_sessions_leave_the_open_state() {
        let window = WindowConfig {
            kind: WindowKind::Session,
            gap_ms: 1_000,
            ..WindowConfig::default()
        };
        let geometry = Geometry::new(crate::window::assigner(&window)).with_sessions(&window);
        let scenario = Scenario::new(&ScenarioConfig::default());
        let keys = scenario.key_space();
        let mut truth = Truth::new(geometry, keys, None);
        // Each key: two events 500 ms apart (one session), then 5 s of quiet.
        let (rounds, mut id) = (200, 0);
        for round in 0..rounds {
            for pair in 0..2 {
                for key in 0..keys {
                    let t = i64::from(round) * 5_000 + pair * 500 + i64::from(key);
                    let event = Event {
                        id,
                        event_time_ms: t,
                        arrival_time_ms: t,
                        entity: key,
                        detail: 0,
                        amount_cents: 100,
                    };
                    truth.add(&scenario, &event, key);
                    id += 1;
                }
            }
        }
        let open = truth
            .sessions
            .as_ref()
            .map_or(usize::MAX, OpenSessions::len);
        assert_eq!(open, keys as usize, "only each key's last session is open");
        let rows: Vec<_> = truth.rows_in_order(&scenario).collect();
        assert_eq!(rows.len(), (rounds * keys) as usize);
        assert!(
            rows.windows(2).all(|w| w[0].0 < w[1].0),
            "rows in (start, key) order"
        );
        assert!(rows.iter().all(|(_, a)| a.count == 2 && a.sum_cents == 200));
        let totals = truth.totals(&scenario);
        assert!(totals.iter().all(|t| t.count == u64::from(rounds) * 2));
        let last = (i64::from(rounds - 1) * 5_000, 0);
        assert_eq!(truth.session_end(last), Some(last.0 + 500 + 1_000));
        assert_eq!(truth.session_end((0, 0)), Some(1_500));
    }
}
