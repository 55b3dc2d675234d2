//! Built-in experiment presets: one per scenario and the classic lessons.
//!
//! Each is a complete [`ExperimentConfig`] (`bslab config --preset NAME` prints
//! it as JSON, a starting point to edit). Titles and one-line descriptions come
//! in English and Brazilian Portuguese.

use crate::config::*;
use crate::time::{DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS};

/// A named, described experiment.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    /// Stable machine name (used in URLs and by the CLI).
    pub name: &'static str,
    /// Title, English.
    pub title_en: &'static str,
    /// Title, Brazilian Portuguese.
    pub title_pt: &'static str,
    /// What it shows, English.
    pub lesson_en: &'static str,
    /// What it shows, Brazilian Portuguese.
    pub lesson_pt: &'static str,
    /// The experiment.
    pub config: ExperimentConfig,
}

fn sales() -> ScenarioConfig {
    ScenarioConfig::Sales {
        categories: 6,
        mean_amount_cents: 8_000,
    }
}

fn micro_batch(trigger_ms: i64, overhead_ms: i64, cost_us: f64, workers: u32) -> StreamingMode {
    StreamingMode::MicroBatch {
        trigger_ms,
        batch_overhead_ms: overhead_ms,
        per_event_cost_us: cost_us,
        workers,
    }
}

/// Every built-in preset, in the order the app lists them.
pub fn all() -> Vec<Preset> {
    let base = ExperimentConfig::default();
    vec![
        Preset {
            name: "sales-daily-vs-live",
            title_en: "Online store: hourly report vs live dashboard",
            title_pt: "Loja online: relatório por hora vs painel ao vivo",
            lesson_en: "The same orders feed an hourly batch report and a live dashboard: the report is complete but an hour old; the dashboard is seconds old.",
            lesson_pt: "Os mesmos pedidos alimentam um relatório em batch por hora e um painel ao vivo: o relatório é completo, mas tem uma hora de atraso; o painel, segundos.",
            config: ExperimentConfig {
                duration_ms: 3 * HOUR_MS,
                sample_every_ms: 30 * SECOND_MS,
                scenario: sales(),
                workload: WorkloadConfig {
                    rate_eps: 20.0,
                    daily_profile: DailyProfile::Flat,
                    bursts: vec![],
                },
                ..base.clone()
            },
        },
        Preset {
            name: "batch-late-but-cheap",
            title_en: "Batch is late but cheap",
            title_pt: "Batch: atrasado, mas barato",
            lesson_en: "A nightly job processes a whole day of sales in minutes and pays only for those minutes; the always-on streaming cluster pays all day.",
            lesson_pt: "Um job noturno processa um dia inteiro de vendas em minutos e paga só por esses minutos; o cluster de streaming, sempre ligado, paga o dia todo.",
            config: ExperimentConfig {
                duration_ms: 2 * DAY_MS,
                sample_every_ms: 10 * MINUTE_MS,
                scenario: sales(),
                workload: WorkloadConfig {
                    rate_eps: 30.0,
                    daily_profile: DailyProfile::Diurnal {
                        amplitude: 0.6,
                        peak_hour: 20.0,
                    },
                    bursts: vec![],
                },
                window: WindowConfig { size_ms: HOUR_MS },
                batch: BatchConfig {
                    interval_ms: DAY_MS,
                    offset_ms: 2 * HOUR_MS,
                    startup_ms: 5 * MINUTE_MS,
                    per_event_cost_us: 500.0,
                    workers: 8,
                },
                streaming: StreamingConfig {
                    mode: micro_batch(10 * SECOND_MS, 500, 500.0, 2),
                    watermark_delay_ms: MINUTE_MS,
                    output_mode: OutputMode::Update,
                },
                ..base.clone()
            },
        },
        Preset {
            name: "streaming-falls-behind",
            title_en: "Streaming falls behind under a spike",
            title_pt: "O streaming fica para trás num pico",
            lesson_en: "A flash sale multiplies orders by 8 for 15 minutes: input rate passes the streaming cluster's capacity, backlog and latency grow, then drain.",
            lesson_pt: "Uma promoção relâmpago multiplica os pedidos por 8 durante 15 minutos: a taxa de entrada passa a capacidade do cluster de streaming, o backlog e a latência crescem e depois escoam.",
            config: ExperimentConfig {
                duration_ms: 2 * HOUR_MS,
                sample_every_ms: 15 * SECOND_MS,
                scenario: sales(),
                workload: WorkloadConfig {
                    rate_eps: 50.0,
                    daily_profile: DailyProfile::Flat,
                    bursts: vec![Burst {
                        start_ms: 30 * MINUTE_MS,
                        duration_ms: 15 * MINUTE_MS,
                        multiplier: 8.0,
                    }],
                },
                streaming: StreamingConfig {
                    mode: micro_batch(5 * SECOND_MS, 500, 4_000.0, 1),
                    watermark_delay_ms: 30 * SECOND_MS,
                    output_mode: OutputMode::Update,
                },
                ..base.clone()
            },
        },
        Preset {
            name: "late-data-watermark",
            title_en: "Late data and the watermark",
            title_pt: "Dados atrasados e a marca d'água (watermark)",
            lesson_en: "5% of likes arrive minutes late (phones offline). Streaming in append mode waits 30 s for stragglers, then drops what comes later — counted, never silent. The hourly batch waits 5 minutes.",
            lesson_pt: "5% das curtidas chegam minutos atrasadas (celulares offline). O streaming em modo append espera 30 s pelos atrasados e descarta o que vem depois — contado, nunca em silêncio. O batch por hora espera 5 minutos.",
            config: ExperimentConfig {
                duration_ms: 2 * HOUR_MS,
                sample_every_ms: 15 * SECOND_MS,
                scenario: ScenarioConfig::Social {
                    posts: 20,
                    zipf_exponent: 1.1,
                },
                workload: WorkloadConfig {
                    rate_eps: 15.0,
                    daily_profile: DailyProfile::Flat,
                    bursts: vec![],
                },
                delay: DelayConfig {
                    mean_ms: 1_000.0,
                    jitter_ms: 500.0,
                    late_fraction: 0.05,
                    late_mean_ms: 3.0 * MINUTE_MS as f64,
                },
                window: WindowConfig { size_ms: MINUTE_MS },
                streaming: StreamingConfig {
                    mode: micro_batch(5 * SECOND_MS, 200, 300.0, 2),
                    watermark_delay_ms: 30 * SECOND_MS,
                    output_mode: OutputMode::Append,
                },
                ..base.clone()
            },
        },
        Preset {
            name: "social-viral-post",
            title_en: "Social media: a post goes viral",
            title_pt: "Redes sociais: um post viraliza",
            lesson_en: "Likes, retweets and comments with Zipf popularity; engagement triples for 20 minutes. Live counts follow it within seconds; the daily-style report sees it an hour later.",
            lesson_pt: "Curtidas, retweets e comentários com popularidade Zipf; o engajamento triplica por 20 minutos. As contagens ao vivo acompanham em segundos; o relatório vê uma hora depois.",
            config: ExperimentConfig {
                duration_ms: 3 * HOUR_MS,
                sample_every_ms: 30 * SECOND_MS,
                scenario: ScenarioConfig::Social {
                    posts: 50,
                    zipf_exponent: 1.2,
                },
                workload: WorkloadConfig {
                    rate_eps: 25.0,
                    daily_profile: DailyProfile::Flat,
                    bursts: vec![Burst {
                        start_ms: 50 * MINUTE_MS,
                        duration_ms: 20 * MINUTE_MS,
                        multiplier: 3.0,
                    }],
                },
                ..base.clone()
            },
        },
        Preset {
            name: "fraud-time-is-money",
            title_en: "Fraud: time is money",
            title_pt: "Fraude: tempo é dinheiro",
            lesson_en: "Stolen cards make bursts of purchases. A rule flags a card with more than 5 transactions in 5 minutes: streaming flags it seconds after the sixth purchase, the hourly batch long after the money is gone.",
            lesson_pt: "Cartões roubados fazem rajadas de compras. Uma regra sinaliza o cartão com mais de 5 transações em 5 minutos: o streaming sinaliza segundos depois da sexta compra; o batch por hora, muito depois que o dinheiro já foi.",
            config: ExperimentConfig {
                duration_ms: 4 * HOUR_MS,
                sample_every_ms: 30 * SECOND_MS,
                scenario: ScenarioConfig::Fraud {
                    cards: 5_000,
                    mean_amount_cents: 6_000,
                    alert_threshold: 5,
                    bursts_per_hour: 2.0,
                    burst_transactions: 12,
                    burst_duration_ms: 4 * MINUTE_MS,
                },
                workload: WorkloadConfig {
                    rate_eps: 5.0,
                    daily_profile: DailyProfile::Flat,
                    bursts: vec![],
                },
                window: WindowConfig { size_ms: 5 * MINUTE_MS },
                streaming: StreamingConfig {
                    mode: micro_batch(2 * SECOND_MS, 200, 300.0, 2),
                    watermark_delay_ms: MINUTE_MS,
                    output_mode: OutputMode::Update,
                },
                ..base.clone()
            },
        },
        Preset {
            name: "queue-mm1",
            title_en: "Per-record streaming is a queue (M/M/1)",
            title_pt: "Streaming por registro é uma fila (M/M/1)",
            lesson_en: "One worker, random service times, 80% busy: waiting time is 1/(μ−λ), five times the service time. Raise the rate towards capacity and watch it explode.",
            lesson_pt: "Um worker, tempos de serviço aleatórios, 80% ocupado: o tempo no sistema é 1/(μ−λ), cinco vezes o tempo de serviço. Aumente a taxa até a capacidade e veja explodir.",
            config: ExperimentConfig {
                duration_ms: HOUR_MS,
                sample_every_ms: 10 * SECOND_MS,
                scenario: sales(),
                workload: WorkloadConfig {
                    rate_eps: 8.0,
                    daily_profile: DailyProfile::Flat,
                    bursts: vec![],
                },
                delay: DelayConfig {
                    mean_ms: 0.0,
                    jitter_ms: 0.0,
                    late_fraction: 0.0,
                    late_mean_ms: 0.0,
                },
                streaming: StreamingConfig {
                    mode: StreamingMode::Continuous {
                        workers: 1,
                        service: ServiceTime::Exponential,
                        service_mean_ms: 100.0,
                    },
                    watermark_delay_ms: 10 * SECOND_MS,
                    output_mode: OutputMode::Update,
                },
                ..base
            },
        },
    ]
}

/// The preset named `name`.
pub fn by_name(name: &str) -> Option<Preset> {
    all().into_iter().find(|p| p.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_valid_and_uniquely_named() {
        let presets = all();
        for p in &presets {
            assert!(
                p.config.validate().is_ok(),
                "{}: {:?}",
                p.name,
                p.config.validate()
            );
        }
        let mut names: Vec<_> = presets.iter().map(|p| p.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), presets.len());
    }
}
