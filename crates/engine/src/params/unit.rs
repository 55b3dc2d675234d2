//! Units of parameters, as data: the CLI writes their English symbol, the app
//! words them in the user's language.

/// The unit of a parameter's value and bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// No unit (a seed, an index).
    None,
    /// A fraction, from 0 to 1.
    Fraction,
    /// An exponent.
    Exponent,
    /// Milliseconds (of simulated or event time).
    Ms,
    /// Microseconds of work for one event on one worker.
    Us,
    /// Events per second.
    EventsPerSecond,
    /// Cents of money.
    Cents,
    /// Product categories.
    Categories,
    /// Posts.
    Posts,
    /// Payment cards.
    Cards,
    /// Card transactions.
    Transactions,
    /// Card transactions in one window.
    TransactionsPerWindow,
    /// Fraud bursts per hour of event time.
    BurstsPerHour,
    /// Load spikes.
    Bursts,
    /// Workers.
    Workers,
    /// Hour of the day, UTC.
    HourOfDay,
    /// A multiplier of the arrival rate.
    Times,
    /// IoT sensors.
    Sensors,
    /// Hundredths of a degree Celsius.
    CentiDegrees,
    /// IoT anomalies per hour of event time.
    AnomaliesPerHour,
    /// Sensor readings.
    Readings,
    /// Web visitors.
    Visitors,
    /// Page views of one visit.
    Pages,
}

impl Unit {
    /// The English symbol the CLI writes after a number (empty for [`Unit::None`]).
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::None | Unit::Fraction | Unit::Exponent => "",
            Unit::Ms => "ms",
            Unit::Us => "µs",
            Unit::EventsPerSecond => "events/s",
            Unit::Cents => "cents",
            Unit::Categories => "categories",
            Unit::Posts => "posts",
            Unit::Cards => "cards",
            Unit::Transactions => "transactions",
            Unit::TransactionsPerWindow => "transactions/window",
            Unit::BurstsPerHour => "bursts/hour",
            Unit::Bursts => "bursts",
            Unit::Workers => "workers",
            Unit::HourOfDay => "h",
            Unit::Times => "×",
            Unit::Sensors => "sensors",
            Unit::CentiDegrees => "hundredths of °C",
            Unit::AnomaliesPerHour => "anomalies/hour",
            Unit::Readings => "readings",
            Unit::Visitors => "visitors",
            Unit::Pages => "pages",
        }
    }

    /// A number as the CLI writes it (as Rust prints an `f64`: `3600000`, `0.5`),
    /// without Rust's float printer: the page builds these texts too, when a
    /// config it reads is refused (`crate::float_text`).
    pub fn number(self, x: f64) -> String {
        crate::float_text::Short(x).to_string()
    }

    /// `x` with its English symbol (`60000 ms`, `5 posts`, `×2`, `0.5`).
    pub fn english(self, x: f64) -> String {
        match self.symbol() {
            "" => self.number(x),
            "×" => format!("×{}", self.number(x)),
            s => format!("{} {s}", self.number(x)),
        }
    }
}
