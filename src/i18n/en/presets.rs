//! English titles and lessons of the engine's presets, apart from the key table
//! (`en.rs`) because they grow with the preset list, not with the UI.

/// Title and one-sentence lesson of the engine's preset `name`, in English
/// (None for a preset this table does not know yet).
pub fn preset(name: &str) -> Option<(&'static str, &'static str)> {
    Some(match name {
        "sales-daily-vs-live" => (
            "Online store: hourly report vs live dashboard",
            "The same orders feed an hourly batch report and a live dashboard: the report is complete but an hour old; the dashboard is seconds old.",
        ),
        "batch-late-but-cheap" => (
            "Batch is late but cheap",
            "A nightly job processes a whole day of sales in minutes and pays only for those minutes; the always-on streaming cluster pays all day.",
        ),
        "streaming-falls-behind" => (
            "Streaming falls behind under a spike",
            "A flash sale multiplies orders by 8 for 15 minutes: input rate passes the streaming cluster's capacity, backlog and latency grow, then drain.",
        ),
        "late-data-watermark" => (
            "Late data and the watermark",
            "5% of likes arrive minutes late (phones offline). Streaming in append mode waits 30 s for stragglers, then drops what comes later — counted, never silent. The hourly batch waits 5 minutes.",
        ),
        "social-viral-post" => (
            "Social media: a post goes viral",
            "Likes, retweets and comments with Zipf popularity; engagement triples for 20 minutes. Live counts follow it within seconds; the daily-style report sees it an hour later.",
        ),
        "fraud-time-is-money" => (
            "Fraud: time is money",
            "Stolen cards make bursts of purchases. A rule flags a card with more than 5 transactions in 5 minutes: streaming flags it seconds after the sixth purchase, the hourly batch long after the money is gone.",
        ),
        "queue-mm1" => (
            "Per-record streaming is a queue (M/M/1)",
            "One worker, random service times, 80% busy: waiting time is 1/(μ−λ), five times the service time. Raise the rate towards capacity and watch it explode.",
        ),
        // Sliding and cumulative windows.
        "sliding-moving-average" => (
            "Moving total: the last 10 minutes, every minute",
            "Sliding windows of 10 minutes start every minute: each order counts in 10 windows, so the result is a smooth moving total. Streaming publishes a window when the watermark passes its end; an order later than that misses the windows already closed and still counts in the open ones.",
        ),
        "cumulative-sales-today" => (
            "Sales today so far",
            "A cumulative window starts at midnight and grows one hour at a time: streaming updates today's total at every step, while the nightly batch publishes the same totals after the day ends. Spark has no such window (it is Flink's CUMULATE): its export says so.",
        ),
        _ => return None,
    })
}
