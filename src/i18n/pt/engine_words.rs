//! Portuguese names of what the engine names in machine words: parameters (by
//! their path in the engine's parameter table), units, choices and sales
//! categories. Apart from the key table (`pt.rs`) because they follow the
//! engine's tables, not the UI's.

use bslab_engine::params::Unit;

use crate::i18n::{iot, web, Lang};

/// Portuguese label and help of a parameter, by its path in the engine's parameter table.
pub fn field(path: &str) -> Option<(&'static str, &'static str)> {
    Some(match path {
        "seed" => ("Semente", "Toda escolha aleatória deriva dela: mesma semente e parâmetros dão a mesma execução."),
        "duration_ms" => ("Duração", "Quanto tempo simulado o experimento cobre."),
        "sample_every_ms" => ("Amostrar a cada", "Intervalo entre dois pontos dos gráficos."),
        "scenario.categories" => ("Categorias", "Número de categorias de produto (os grupos do relatório de receita)."),
        "scenario.mean_amount_cents" => ("Valor médio", "Valor médio de um pedido ou transação, em centavos."),
        "scenario.posts" => ("Posts", "Número de posts que recebem curtidas, retweets e comentários."),
        "scenario.zipf_exponent" => ("Concentração (Zipf)", "Quanto maior, mais o engajamento se concentra em poucos posts."),
        "scenario.cards" => ("Cartões", "Número de cartões de pagamento."),
        "scenario.alert_threshold" => ("Limite de alerta", "Um cartão com mais transações que isso numa janela gera um alerta."),
        "scenario.bursts_per_hour" => ("Rajadas de fraude por hora", "Com que frequência um cartão roubado começa uma rajada de compras."),
        "scenario.burst_transactions" => ("Transações por rajada", "Compras numa rajada de fraude."),
        "scenario.burst_duration_ms" => ("Duração da rajada", "Quanto dura uma rajada de fraude."),
        "workload.rate_eps" => ("Taxa de chegada", "Número médio de eventos por segundo (chegadas de Poisson)."),
        "workload.daily_profile" => ("Perfil diário", "Taxa constante, ou um dia com horário de pico e noite tranquila."),
        "workload.daily_profile.amplitude" => ("Variação dia/noite", "Variação relativa da taxa em torno da média (0 = constante)."),
        "workload.daily_profile.peak_hour" => ("Hora de pico", "Hora do dia em que o tráfego é máximo."),
        "workload.bursts[].start_ms" => ("Início do pico", "Quando começa o pico de tráfego (promoção relâmpago, post viral)."),
        "workload.bursts[].duration_ms" => ("Duração do pico", "Quanto tempo dura o pico."),
        "workload.bursts[].multiplier" => ("Multiplicador do pico", "A taxa de chegada é multiplicada por este valor durante o pico."),
        "delay.mean_ms" => ("Atraso médio", "Tempo médio para um evento chegar ao sistema de processamento."),
        "delay.jitter_ms" => ("Variação (jitter)", "Dispersão (desvio padrão) do atraso normal."),
        "delay.late_fraction" => ("Fração muito atrasada", "Parcela de eventos que chegam muito atrasados (um celular offline), de 0 a 1."),
        "delay.late_mean_ms" => ("Atraso extra médio", "Atraso extra médio de um evento muito atrasado."),
        "window.size_ms" => ("Tamanho da janela", "Duração das janelas de tempo de evento que os dois pipelines agregam (cumulativa: o período em que a janela cresce, por exemplo um dia)."),
        // Janelas deslizantes e cumulativas.
        "window.kind" => ("Tipo de janela", "Fixa (tumbling): uma janela por evento. Deslizante (sliding): uma janela do tamanho escolhido começa a cada deslocamento, então cada evento conta em tamanho/deslocamento janelas (um total móvel). Cumulativa: a partir do início de cada período, a janela cresce um passo por vez (o total do dia até agora)."),
        "window.slide_ms" => ("Deslocamento / passo", "Deslizante: uma nova janela começa a cada deslocamento. Cumulativa: a janela cresce esse passo. O tamanho precisa ser um múltiplo dele, no máximo 100 vezes."),
        "batch.interval_ms" => ("Intervalo do agendamento", "O job batch roda uma vez por intervalo sobre os dados daquele período."),
        "batch.offset_ms" => ("Espera por atrasados", "Quanto tempo depois do fim do período o job começa."),
        "batch.startup_ms" => ("Inicialização do job", "Custo fixo de cada job (subir o cluster, planejar)."),
        "batch.per_event_cost_us" => ("Custo por evento", "Tempo de processamento de um evento num worker."),
        "batch.workers" => ("Workers", "Workers do job batch (pagos só enquanto ele roda)."),
        "streaming.mode" => ("Modo", "Micro-batch (Spark Structured Streaming) ou contínuo, registro a registro (como o Flink)."),
        "streaming.mode.trigger_ms" => ("Intervalo do trigger", "Um micro-batch começa a cada intervalo do trigger."),
        "streaming.mode.batch_overhead_ms" => ("Custo fixo do micro-batch", "Custo fixo de um micro-batch (planejar, confirmar)."),
        "streaming.mode.per_event_cost_us" => ("Custo por evento", "Tempo de processamento de um evento num worker."),
        "streaming.mode.workers" => ("Workers", "Workers do cluster de streaming (sempre ligados, sempre pagos)."),
        "streaming.mode.service" => ("Tempo de serviço", "Fixo (M/D/c) ou aleatório exponencial (M/M/c)."),
        "streaming.mode.service_mean_ms" => ("Tempo médio de serviço", "Tempo médio de processamento de um evento."),
        "streaming.watermark_delay_ms" => ("Atraso da watermark", "Quanto o streaming espera por eventos fora de ordem antes de uma janela ficar final."),
        "streaming.output_mode" => ("Modo de saída", "Append publica cada janela uma vez, quando final; update publica cada mudança."),
        _ => return None,
    })
}

/// Portuguese unit of a parameter: its label under the input, and the word after a
/// bound in a message (durations are written with their own unit: `5 min`).
pub fn unit(unit: Unit) -> (&'static str, &'static str) {
    match unit {
        Unit::None => ("", ""),
        Unit::Ms => ("duração", ""),
        Unit::Us => ("µs por evento por worker", "µs"),
        Unit::EventsPerSecond => ("eventos/s", "eventos por segundo"),
        Unit::Cents => ("centavos", "centavos"),
        Unit::Categories => ("categorias", "categorias"),
        Unit::Posts => ("posts", "posts"),
        Unit::Cards => ("cartões", "cartões"),
        Unit::Transactions => ("transações", "transações"),
        Unit::TransactionsPerWindow => ("transações por janela", "transações"),
        Unit::BurstsPerHour => ("rajadas/hora", "rajadas por hora"),
        Unit::Bursts => ("picos", "picos"),
        Unit::Workers => ("workers", "workers"),
        Unit::HourOfDay => ("hora do dia (UTC)", "h"),
        Unit::Times => ("× taxa", "vezes a taxa"),
        Unit::Fraction => ("fração", ""),
        Unit::Exponent => ("expoente", ""),
        Unit::Sensors | Unit::CentiDegrees | Unit::AnomaliesPerHour | Unit::Readings => {
            iot::unit(Lang::Pt, unit)
        }
        Unit::Visitors | Unit::Pages => web::unit(Lang::Pt, unit),
    }
}

/// Portuguese display of the engine's machine words (choices).
pub fn word(word: &str) -> Option<&'static str> {
    Some(match word {
        "flat" => "constante",
        "diurnal" => "dia/noite",
        "micro_batch" => "micro-batch",
        "continuous" => "contínuo (por registro)",
        "fixed" => "fixo",
        "exponential" => "exponencial",
        "append" => "append",
        "update" => "update",
        // Janelas deslizantes e cumulativas, modo complete.
        "complete" => "complete",
        "tumbling" => "fixa (tumbling)",
        "sliding" => "deslizante (sliding)",
        "cumulative" => "cumulativa",
        _ => return None,
    })
}

/// A sales category (`electronics`, `electronics-2`) in Portuguese (`eletrônicos`,
/// `eletrônicos-2`); a name it does not know is kept as is.
pub fn category(name: &str) -> String {
    let (base, suffix) = match name.rsplit_once('-') {
        Some((base, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            (base, &name[base.len()..])
        }
        _ => (name, ""),
    };
    let base = match base {
        "books" => "livros",
        "electronics" => "eletrônicos",
        "fashion" => "moda",
        "home" => "casa",
        "sports" => "esportes",
        "toys" => "brinquedos",
        "beauty" => "beleza",
        "grocery" => "mercado",
        _ => return name.to_string(),
    };
    format!("{base}{suffix}")
}
