//! The web-traffic scenario over a seed sweep, against oracles built here from
//! the run's own events (`bslab_engine::events`): every page view is in exactly
//! one complete session; the report's sessions per landing page are the
//! visitors' views cut at the gap; the stream accounts for every view it
//! received; with no late data it sees the complete sessions, merging none.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use bslab_engine::scenario::{page_of, PAGES};
use bslab_engine::window::sessionize;
use bslab_engine::*;

const SEEDS: u64 = 12;

fn preset(seed: u64) -> ExperimentConfig {
    let mut config = presets::by_name("web-traffic-sessions")
        .expect("the web preset")
        .config;
    config.seed = seed;
    config.duration_ms = 3_600_000;
    config
}

fn gap_ms(config: &ExperimentConfig) -> i64 {
    assert_eq!(config.window.kind, WindowKind::Session);
    config.window.gap_ms
}

fn run(config: &ExperimentConfig) -> Report {
    Simulation::new(config.clone())
        .expect("a valid config")
        .run()
}

/// (sessions, page views, bounces) per landing page, from each visitor's
/// views sorted by time and cut where the next view is more than a gap later.
fn oracle(events: &[Event], gap_ms: i64) -> BTreeMap<&'static str, (u64, u64, u64)> {
    let mut by_visitor: BTreeMap<u32, Vec<(i64, u8)>> = BTreeMap::new();
    for e in events {
        by_visitor
            .entry(e.entity)
            .or_default()
            .push((e.event_time_ms, page_of(e.detail)));
    }
    let mut pages = BTreeMap::new();
    for views in by_visitor.values_mut() {
        views.sort();
        let mut i = 0;
        while i < views.len() {
            let mut j = i + 1;
            while j < views.len() && views[j].0 <= views[j - 1].0 + gap_ms {
                j += 1;
            }
            let row = pages
                .entry(PAGES[usize::from(views[i].1)])
                .or_insert((0, 0, 0));
            row.0 += 1;
            row.1 += (j - i) as u64;
            row.2 += u64::from(j - i == 1);
            i = j;
        }
    }
    pages
}

#[test]
fn complete_sessions_partition_every_visitors_views_by_landing_page() {
    for seed in 0..SEEDS {
        let config = preset(seed);
        let events = events(&config).expect("valid");
        let web = run(&config).web.expect("a web section");
        assert_eq!(web.complete.page_views, events.len() as u64, "seed {seed}");
        let got: BTreeMap<&str, (u64, u64, u64)> = web
            .landing_pages
            .iter()
            .map(|p| {
                let f = &p.figures;
                (p.page, (f.sessions, f.page_views, f.bounces))
            })
            .collect();
        assert_eq!(got, oracle(&events, gap_ms(&config)), "seed {seed}");
        // The same sessions as the engine's batch rule, `sessionize`.
        let rows: Vec<_> = events
            .iter()
            .map(|e| (e.entity, e.event_time_ms, 0))
            .collect();
        let sessions = sessionize(&rows, gap_ms(&config));
        assert_eq!(sessions.len() as u64, web.complete.sessions, "seed {seed}");
        let ones = sessions.values().filter(|s| s.agg.count == 1).count() as u64;
        assert_eq!(ones, web.complete.bounces, "seed {seed}");
    }
}

#[test]
fn the_stream_accounts_for_every_view_it_received() {
    let mut merged = 0;
    for seed in 0..SEEDS {
        let config = preset(seed);
        let r = run(&config);
        let s = r.web.expect("a web section").stream;
        let arrived = r.generated - r.in_transit;
        assert_eq!(
            s.closed.page_views + s.open_page_views + s.dropped_views,
            arrived,
            "seed {seed}: closed + open + dropped = arrived"
        );
        merged += s.merging_views;
    }
    assert!(merged > 0, "late views merge sessions in the preset");
}

#[test]
fn with_no_late_data_the_stream_sees_the_complete_sessions() {
    for seed in 0..SEEDS {
        let mut config = preset(seed);
        config.delay = DelayConfig {
            mean_ms: 200.0,
            jitter_ms: 0.0,
            late_fraction: 0.0,
            late_mean_ms: 0.0,
        };
        if let ScenarioConfig::Web(w) = &mut config.scenario {
            w.offline_fraction = 0.0;
        }
        let r = run(&config);
        let web = r.web.expect("a web section");
        let s = web.stream;
        assert_eq!((s.merging_views, s.dropped_views), (0, 0), "seed {seed}");
        // Views still in transit at the end may each open a session the
        // stream has not seen yet; nothing else differs.
        let seen = s.closed.sessions + s.open_sessions;
        assert!(
            seen <= web.complete.sessions && web.complete.sessions <= seen + r.in_transit,
            "seed {seed}: stream {seen}, complete {}, in transit {}",
            web.complete.sessions,
            r.in_transit
        );
    }
}

/// Page views arrive at the configured rate on average (landing views at
/// rate / views per visit), and landing pages bounce as configured: blog
/// visits more than pricing visits.
#[test]
fn views_come_at_the_rate_and_landing_pages_bounce_differently() {
    let (mut views, mut expected) = (0.0, 0.0);
    for seed in 0..SEEDS {
        let mut config = preset(seed);
        config.workload.daily_profile = DailyProfile::Flat;
        views += events(&config).expect("valid").len() as f64;
        expected += config.workload.rate_eps * config.duration_ms as f64 / 1_000.0;
        let web = run(&config).web.expect("a web section");
        let rate = |page: &str| {
            web.landing_pages
                .iter()
                .find(|p| p.page == page)
                .map_or(0.0, |p| p.figures.bounce_rate)
        };
        assert!(rate("blog") > rate("pricing"), "seed {seed}");
    }
    let ratio = views / expected;
    assert!((0.9..1.1).contains(&ratio), "views / expected = {ratio}");
}

/// Mobile visitors reconnect late: some views arrive after a later view of
/// the same visitor (out of order).
#[test]
fn phones_that_reconnect_late_send_views_out_of_order() {
    let events = events(&preset(1)).expect("valid");
    let mut last: BTreeMap<u32, i64> = BTreeMap::new();
    let mut overtaken = 0;
    let mut by_arrival = events;
    by_arrival.sort_by_key(|e| (e.arrival_time_ms, e.id));
    for e in &by_arrival {
        let seen = last.entry(e.entity).or_insert(i64::MIN);
        if e.event_time_ms < *seen {
            overtaken += 1;
        }
        *seen = (*seen).max(e.event_time_ms);
    }
    assert!(overtaken > 0, "no view arrived after a later one");
}
