//! Web-traffic analysis: visitors read a few pages per visit, pausing to
//! think between two page views; a visit lands on a page from a referrer, and
//! some landing pages and referrers bounce more than others (the visitor
//! leaves after one page). Mobile visitors lose their signal and upload their
//! page views late, so views arrive out of order. The query groups each
//! visitor's page views into **sessions** (session windows, `window.kind =
//! session`: a session ends after `window.gap_ms` of inactivity): sessions per
//! landing page, pages per session, session length and bounce rate
//! (`crate::web_sessions`).
//!
//! Visits start as the ordinary Poisson process (daily profile and bursts
//! included) at `rate_eps / mean views per visit`, so that page views arrive
//! at `rate_eps` on average; each visit's later views come from
//! [`super::visits`].

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::schema::{Column, ColumnType, Field};
use super::visits::Visits;
use super::weighted::Weighted;
use super::{GroupKey, KeyRule, Outages, Query, ScenarioKind};
use crate::event::Event;
use crate::params::{scenario_row, Bounds, Kind, Param, Slot, Unit};
use crate::time::{TimeMs, HOUR_MS};

/// The site's pages (the `page` column), by index.
pub const PAGES: [&str; 6] = ["home", "product", "blog", "pricing", "docs", "checkout"];

/// Where a page view comes from (the `referrer` column), by index: the
/// views after a visit's first come from the site itself (`internal`).
pub const REFERRERS: [&str; 5] = ["internal", "direct", "search", "social", "email"];

/// Share of visits landing on each page (checkout is never a landing page).
const LANDING_WEIGHTS: [f64; 6] = [0.35, 0.2, 0.25, 0.1, 0.1, 0.0];
/// How much more than average a visit landing on each page bounces.
const PAGE_BOUNCE: [f64; 6] = [0.8, 0.9, 1.5, 0.7, 1.1, 1.0];
/// Share of visits from each referrer (internal: none, it is not a landing).
const REFERRER_WEIGHTS: [f64; 5] = [0.0, 0.3, 0.4, 0.2, 0.1];
/// How much more than average a visit from each referrer bounces.
const REFERRER_BOUNCE: [f64; 5] = [1.0, 0.8, 1.0, 1.6, 0.6];
/// Share of each page among the views after a visit's first.
const NEXT_WEIGHTS: [f64; 6] = [0.15, 0.3, 0.15, 0.15, 0.15, 0.1];
/// Most page views of one visit.
pub const MAX_VIEWS_PER_VISIT: u8 = 100;

/// The web-traffic scenario's parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebConfig {
    /// Number of visitors (group keys): each visit is one of them, drawn
    /// uniformly, so visitors come back.
    pub visitors: u32,
    /// Mean page views of a visit that does not bounce (at least 2).
    pub pages_per_visit: f64,
    /// Share of visits that see one page only, on average over landing pages
    /// and referrers (each pair has its own share around it; at most 1).
    pub bounce_fraction: f64,
    /// Mean time between two page views of one visit (think time), in ms.
    pub think_ms: TimeMs,
    /// Share of (visitor, outage slot) pairs where the visitor's phone is offline.
    pub offline_fraction: f64,
    /// Length of an outage slot, in ms: views taken offline arrive at its end.
    pub offline_ms: TimeMs,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            visitors: 2_000,
            pages_per_visit: 5.0,
            bounce_fraction: 0.4,
            think_ms: 40_000,
            offline_fraction: 0.02,
            offline_ms: 15 * crate::time::MINUTE_MS,
        }
    }
}

// Its registration (`super::registry`): fields, parameter rows, the scenario it builds.
impl super::Registered for WebConfig {
    const FIELDS: &'static [&'static str] = &[
        "visitors",
        "pages_per_visit",
        "bounce_fraction",
        "think_ms",
        "offline_fraction",
        "offline_ms",
    ];

    const PARAMS: &'static [Param] = &[
        super::iot::OFFLINE_FRACTION,
        super::iot::OFFLINE_MS,
        scenario_row("scenario.visitors", Kind::Int, Unit::Visitors, |_| Bounds::new(1.0, 100_000.0),
            "Web: number of visitors (group keys); each visit is one of them, so visitors come back."),
        scenario_row("scenario.pages_per_visit", Kind::Float, Unit::Pages, |_| Bounds::new(2.0, 50.0),
            "Web: mean page views of a visit that does not bounce."),
        scenario_row("scenario.bounce_fraction", Kind::Float, Unit::Fraction, |_| Bounds::new(0.0, 1.0),
            "Web: share of visits that see one page only, on average (blog and social visits bounce more)."),
        scenario_row("scenario.think_ms", Kind::Int, Unit::Ms, |_| Bounds::new(1.0, HOUR_MS as f64),
            "Web: mean time between two page views of one visit (think time)."),
    ];

    fn slots(&mut self) -> Vec<Slot<'_>> {
        vec![
            Slot::U32(&mut self.visitors),
            Slot::F64(&mut self.pages_per_visit),
            Slot::F64(&mut self.bounce_fraction),
            Slot::I64(&mut self.think_ms),
            Slot::F64(&mut self.offline_fraction),
            Slot::I64(&mut self.offline_ms),
        ]
    }

    fn build(&self) -> std::sync::Arc<dyn ScenarioKind> {
        std::sync::Arc::new(Web::new(self))
    }
}

/// `detail` of a page view: its page and its referrer in one byte.
pub fn detail_of(page: u8, referrer: u8) -> u8 {
    referrer * PAGES.len() as u8 + page
}

/// The page of a page view's `detail`.
pub fn page_of(detail: u8) -> u8 {
    detail % PAGES.len() as u8
}

/// Landing (page, referrer) pairs that happen: landing pages × referrers of
/// positive weight.
const LANDINGS: usize = 20;

/// The web-traffic scenario.
#[derive(Debug, Clone)]
pub(crate) struct Web {
    config: WebConfig,
    /// Bounce probability of a visit, by the `detail` of its landing view.
    bounce: [f64; 32],
    /// A visit's landing page and referrer in one choice among their pairs
    /// (pair `i` the `detail` `landing_details[i]`, with probability
    /// [`LANDING_WEIGHTS`] × [`REFERRER_WEIGHTS`]): the same joint
    /// distribution as a draw for the page and one for the referrer, from
    /// one draw instead of two.
    landing: Weighted<32>,
    /// The `detail` of each option of `landing`.
    landing_details: [u8; 32],
}

impl Web {
    pub(crate) fn new(config: &WebConfig) -> Self {
        let mean_factor: f64 = weighted(|p, r| PAGE_BOUNCE[p] * REFERRER_BOUNCE[r]);
        let mut bounce = [0.0; 32];
        for (p, page_factor) in PAGE_BOUNCE.iter().enumerate() {
            for (r, referrer_factor) in REFERRER_BOUNCE.iter().enumerate() {
                let share = config.bounce_fraction * page_factor * referrer_factor / mean_factor;
                bounce[usize::from(detail_of(p as u8, r as u8))] = share.clamp(0.0, 1.0);
            }
        }
        let mut weights = [0.0; LANDINGS];
        let mut landing_details = [0; 32];
        let pairs = REFERRER_WEIGHTS.iter().enumerate().flat_map(|(r, wr)| {
            let pages = LANDING_WEIGHTS.iter().enumerate();
            pages.map(move |(p, wp)| (detail_of(p as u8, r as u8), wp * wr))
        });
        let landings = pairs.filter(|(_, w)| *w > 0.0);
        for ((weight, detail), (d, w)) in weights.iter_mut().zip(&mut landing_details).zip(landings) {
            (*weight, *detail) = (w, d);
        }
        Self {
            config: config.clone(),
            bounce,
            landing: Weighted::new(&weights),
            landing_details,
        }
    }
}

/// `Σ weight(page) × weight(referrer) × f(page, referrer)` over landings.
fn weighted(f: impl Fn(usize, usize) -> f64) -> f64 {
    let mut sum = 0.0;
    for (p, wp) in LANDING_WEIGHTS.iter().enumerate() {
        for (r, wr) in REFERRER_WEIGHTS.iter().enumerate() {
            sum += wp * wr * f(p, r);
        }
    }
    sum
}

impl ScenarioKind for Web {
    fn name(&self) -> &'static str {
        "web"
    }

    fn key_rule(&self) -> KeyRule {
        KeyRule::Entity
    }

    fn key_space(&self) -> u32 {
        self.config.visitors
    }

    fn payload_space(&self) -> (u32, u8) {
        (self.config.visitors, (PAGES.len() * REFERRERS.len()) as u8)
    }

    /// A visit's landing view: a visitor, a landing page and a referrer.
    fn fill_payload(&self, rng: &mut ChaCha8Rng, event: &mut Event) {
        event.entity = rng.random_range(0..self.config.visitors);
        event.detail = self.landing_details[usize::from(self.landing.pick(rng)) % 32];
        event.amount_cents = 0;
    }

    fn decode_key(&self, key: u32) -> GroupKey {
        GroupKey::Visitor { visitor_id: key }
    }

    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("visitor_id", ColumnType::Int, Field::Entity),
            Column::new(
                "page",
                ColumnType::Text,
                Field::DetailPart {
                    names: &PAGES,
                    place: 1,
                },
            ),
            Column::new(
                "referrer",
                ColumnType::Text,
                Field::DetailPart {
                    names: &REFERRERS,
                    place: PAGES.len() as u8,
                },
            ),
        ]
    }

    fn query(&self) -> Query {
        Query {
            keys: &["visitor_id"],
            amount: None,
            count_above: None,
            max_above: None,
        }
    }

    fn outages(&self) -> Option<Outages> {
        (self.config.offline_fraction > 0.0).then_some(Outages {
            fraction: self.config.offline_fraction,
            slot_ms: self.config.offline_ms.max(1),
        })
    }

    fn visits(&self) -> Option<Visits> {
        let more = 1.0 - 1.0 / (self.config.pages_per_visit - 1.0).max(1.0);
        let bounce = &self.bounce;
        let mean_views = weighted(|p, r| {
            let b = bounce[usize::from(detail_of(p as u8, r as u8))];
            b + (1.0 - b) * self.config.pages_per_visit
        });
        Some(Visits {
            mean_views: mean_views.max(1.0),
            bounce: self.bounce,
            more,
            think_ms: self.config.think_ms as f64,
            max_views: MAX_VIEWS_PER_VISIT,
            next_page: &NEXT_WEIGHTS,
        })
    }

    fn sums_up_sessions(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bounce shares average to the configured one when none is clamped.
    #[test]
    fn bounce_shares_average_to_the_configured_fraction() {
        let web = Web::new(&WebConfig {
            bounce_fraction: 0.3,
            ..WebConfig::default()
        });
        let mean = weighted(|p, r| web.bounce[usize::from(detail_of(p as u8, r as u8))]);
        assert!((mean - 0.3).abs() < 1e-9, "mean bounce {mean}");
        let blog_social = web.bounce[usize::from(detail_of(2, 3))];
        let pricing_email = web.bounce[usize::from(detail_of(3, 4))];
        assert!(
            blog_social > 2.0 * pricing_email,
            "{blog_social} {pricing_email}"
        );
    }

    /// The landing pairs are every (page, referrer) of positive weight, each
    /// with the product of their weights.
    #[test]
    fn landings_are_the_pairs_of_positive_weight() {
        let web = Web::new(&WebConfig::default());
        let mut rng = crate::rng::rng(7, crate::rng::Stream::Payload);
        let mut counts = [0u32; 32];
        let draws = 400_000;
        for _ in 0..draws {
            counts[usize::from(web.landing_details[usize::from(web.landing.pick(&mut rng))])] += 1;
        }
        let mut pairs = 0;
        for (p, wp) in LANDING_WEIGHTS.iter().enumerate() {
            for (r, wr) in REFERRER_WEIGHTS.iter().enumerate() {
                let seen = f64::from(counts[usize::from(detail_of(p as u8, r as u8))]);
                let expected = wp * wr * f64::from(draws);
                assert!((seen - expected).abs() <= 5.0 * expected.sqrt() + 1e-9, "{p} {r}: {seen} {expected}");
                pairs += usize::from(wp * wr > 0.0);
            }
        }
        assert_eq!(pairs, LANDINGS);
    }

    #[test]
    fn details_hold_a_page_and_a_referrer() {
        for page in 0..PAGES.len() as u8 {
            for referrer in 0..REFERRERS.len() as u8 {
                let d = detail_of(page, referrer);
                assert_eq!(page_of(d), page);
                assert_eq!(d / PAGES.len() as u8, referrer);
            }
        }
    }
}
