//! English names of what the engine names in machine words: parameters (by
//! their path in the engine's parameter table), units and choices. Apart from
//! the key table (`en.rs`) because they follow the engine's tables, not the UI's.

use bslab_engine::params::Unit;

use crate::i18n::{iot, web, Lang};

/// English label and help of a parameter, by its path in the engine's parameter table.
pub fn field(path: &str) -> Option<(&'static str, &'static str)> {
    Some(match path {
        "seed" => ("Seed", "Every random choice derives from it: same seed and parameters give the same run."),
        "duration_ms" => ("Duration", "How much simulated time the experiment covers."),
        "sample_every_ms" => ("Sample every", "Interval between two chart points."),
        "scenario.categories" => ("Categories", "Number of product categories (the groups of the revenue report)."),
        "scenario.mean_amount_cents" => ("Mean amount", "Average order or transaction value, in cents."),
        "scenario.posts" => ("Posts", "Number of posts receiving likes, retweets and comments."),
        "scenario.zipf_exponent" => ("Popularity skew (Zipf)", "Higher means a few posts get most of the engagement."),
        "scenario.cards" => ("Cards", "Number of payment cards."),
        "scenario.alert_threshold" => ("Alert threshold", "A card with more transactions than this in one window raises an alert."),
        "scenario.bursts_per_hour" => ("Fraud bursts per hour", "How often a stolen card starts a burst of purchases."),
        "scenario.burst_transactions" => ("Transactions per burst", "Purchases in one fraud burst."),
        "scenario.burst_duration_ms" => ("Burst duration", "How long one fraud burst lasts."),
        "workload.rate_eps" => ("Arrival rate", "Average number of events per second (Poisson arrivals)."),
        "workload.daily_profile" => ("Daily profile", "Flat rate, or a day with a peak hour and a quiet night."),
        "workload.daily_profile.amplitude" => ("Day/night swing", "Relative swing of the rate around its mean (0 = flat)."),
        "workload.daily_profile.peak_hour" => ("Peak hour", "Hour of the day when traffic peaks."),
        "workload.bursts[].start_ms" => ("Spike start", "When the traffic spike (flash sale, viral post) starts."),
        "workload.bursts[].duration_ms" => ("Spike duration", "How long the spike lasts."),
        "workload.bursts[].multiplier" => ("Spike multiplier", "The arrival rate is multiplied by this during the spike."),
        "delay.mean_ms" => ("Mean delay", "Average time for an event to reach the processing system."),
        "delay.jitter_ms" => ("Jitter", "Spread (standard deviation) of the normal delay."),
        "delay.late_fraction" => ("Very late fraction", "Share of events that arrive very late (a phone that was offline), from 0 to 1."),
        "delay.late_mean_ms" => ("Very late mean delay", "Average extra delay of a very late event."),
        "window.size_ms" => ("Window size", "Length of the event-time windows both pipelines aggregate (cumulative: the period a window grows over, e.g. one day)."),
        // Sliding and cumulative windows.
        "window.kind" => ("Window kind", "Tumbling: one window per event. Sliding: a window of the size starts every slide, so each event counts in size/slide windows (a moving total). Cumulative: from each period start, a window grows one step at a time (today so far)."),
        "window.slide_ms" => ("Slide / step", "Sliding: a new window starts every slide. Cumulative: the window grows by this step. The size must be a multiple of it, at most 100 times it."),
        "batch.interval_ms" => ("Schedule interval", "The batch job runs once per interval over that period's data."),
        "batch.offset_ms" => ("Wait for late data", "How long after its period ends the job starts."),
        "batch.startup_ms" => ("Job start-up", "Fixed overhead of each job (cluster spin-up, planning)."),
        "batch.per_event_cost_us" => ("Cost per event", "Processing time of one event on one worker."),
        "batch.workers" => ("Workers", "Workers of the batch job (paid only while it runs)."),
        "streaming.mode" => ("Mode", "Micro-batch (Spark Structured Streaming) or continuous per-record processing (Flink-like)."),
        "streaming.mode.trigger_ms" => ("Trigger interval", "A micro-batch starts every trigger interval."),
        "streaming.mode.batch_overhead_ms" => ("Micro-batch overhead", "Fixed cost of one micro-batch (planning, commit)."),
        "streaming.mode.per_event_cost_us" => ("Cost per event", "Processing time of one event on one worker."),
        "streaming.mode.workers" => ("Workers", "Workers of the streaming cluster (always on, always paid)."),
        "streaming.mode.service" => ("Service time", "Fixed (M/D/c) or random exponential (M/M/c) processing times."),
        "streaming.mode.service_mean_ms" => ("Mean service time", "Average processing time of one event."),
        "streaming.watermark_delay_ms" => ("Watermark delay", "How long streaming waits for out-of-order events before a window is final."),
        "streaming.output_mode" => ("Output mode", "Append publishes each window once, when final; update publishes every change."),
        _ => return None,
    })
}

/// English unit of a parameter: its label under the input, and the word after a bound
/// in a message (durations are written with their own unit: `5 min`).
pub fn unit(unit: Unit) -> (&'static str, &'static str) {
    match unit {
        Unit::None => ("", ""),
        Unit::Ms => ("duration", ""),
        Unit::Us => ("µs per event per worker", "µs"),
        Unit::EventsPerSecond => ("events/s", "events per second"),
        Unit::Cents => ("cents", "cents"),
        Unit::Categories => ("categories", "categories"),
        Unit::Posts => ("posts", "posts"),
        Unit::Cards => ("cards", "cards"),
        Unit::Transactions => ("transactions", "transactions"),
        Unit::TransactionsPerWindow => ("transactions per window", "transactions"),
        Unit::BurstsPerHour => ("bursts/hour", "bursts per hour"),
        Unit::Bursts => ("spikes", "spikes"),
        Unit::Workers => ("workers", "workers"),
        Unit::HourOfDay => ("hour of day (UTC)", "h"),
        Unit::Times => ("× rate", "times the rate"),
        Unit::Fraction => ("fraction", ""),
        Unit::Exponent => ("exponent", ""),
        Unit::Sensors | Unit::CentiDegrees | Unit::AnomaliesPerHour | Unit::Readings => {
            iot::unit(Lang::En, unit)
        }
        Unit::Visitors | Unit::Pages => web::unit(Lang::En, unit),
    }
}

/// English display of the engine's machine words (choices).
pub fn word(word: &str) -> Option<&'static str> {
    Some(match word {
        "flat" => "flat",
        "diurnal" => "day/night",
        "micro_batch" => "micro-batch",
        "continuous" => "continuous (per record)",
        "fixed" => "fixed",
        "exponential" => "exponential",
        "append" => "append",
        "update" => "update",
        // Sliding and cumulative windows, complete mode.
        "complete" => "complete",
        "tumbling" => "tumbling",
        "sliding" => "sliding",
        "cumulative" => "cumulative",
        _ => return None,
    })
}
