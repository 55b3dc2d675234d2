//! The sweep view's words in both languages, kept beside it (one block, so the
//! shared string tables stay as they are).

use crate::i18n::Lang;

/// Every string of the sweep view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum T {
    Title,
    Intro,
    Knob,
    From,
    To,
    Count,
    Run,
    Cancel,
    Progress,
    Cancelled,
    Failed,
    Freshness,
    Latency,
    Cost,
    Completeness,
    Load,
    Hint,
    TooFew,
    BadCount,
    TooMuch,
}

/// The text of `key` in `lang`; `{…}` are filled by the caller.
pub fn t(lang: Lang, key: T) -> &'static str {
    use T::*;
    match (lang, key) {
        (Lang::En, Title) => "Sweep: the trade-off frontier",
        (Lang::Pt, Title) => "Varredura: a fronteira dos trade-offs",
        (Lang::En, Intro) => "Turn one knob over a range: each value is a whole run, batch and streaming, computed off the page. Click a point (or focus it and press Enter) to load that run.",
        (Lang::Pt, Intro) => "Gire um parâmetro ao longo de uma faixa: cada valor é uma execução completa, batch e streaming, calculada fora da página. Clique num ponto (ou selecione-o e tecle Enter) para carregar essa execução.",
        (Lang::En, Knob) => "Knob",
        (Lang::Pt, Knob) => "Parâmetro",
        (Lang::En, From) => "From",
        (Lang::Pt, From) => "De",
        (Lang::En, To) => "To",
        (Lang::Pt, To) => "Até",
        (Lang::En, Count) => "Values",
        (Lang::Pt, Count) => "Valores",
        (Lang::En, Run) => "Run the sweep",
        (Lang::Pt, Run) => "Rodar a varredura",
        (Lang::En, Cancel) => "Cancel",
        (Lang::Pt, Cancel) => "Cancelar",
        (Lang::En, Progress) => "{done} of {total} runs",
        (Lang::Pt, Progress) => "{done} de {total} execuções",
        (Lang::En, Cancelled) => "Sweep cancelled after {done} of {total} runs.",
        (Lang::Pt, Cancelled) => "Varredura cancelada depois de {done} de {total} execuções.",
        (Lang::En, Failed) => "The sweep failed:",
        (Lang::Pt, Failed) => "A varredura falhou:",
        (Lang::En, Freshness) => "Mean freshness (staleness)",
        (Lang::Pt, Freshness) => "Defasagem média",
        (Lang::En, Latency) => "Result latency p99",
        (Lang::Pt, Latency) => "Latência do resultado p99",
        (Lang::En, Cost) => "Cost (worker-seconds paid)",
        (Lang::Pt, Cost) => "Custo (worker-segundos pagos)",
        (Lang::En, Completeness) => "Completeness (exact windows)",
        (Lang::Pt, Completeness) => "Completude (janelas exatas)",
        (Lang::En, Load) => "{knob} = {value}: load this run",
        (Lang::Pt, Load) => "{knob} = {value}: carregar esta execução",
        (Lang::En, Hint) => "The dashed black line marks the current configuration.",
        (Lang::Pt, Hint) => "A linha preta tracejada marca a configuração atual.",
        (Lang::En, TooFew) => "{field}: from {from} to {to} gives only {n} different value(s); a sweep needs {min} to {max}. Widen the range.",
        (Lang::En, BadCount) => "Values: {value} is not a whole number from {min} to {max}.",
        (Lang::Pt, BadCount) => "Valores: {value} não é um número inteiro de {min} a {max}.",
        (Lang::En, TooMuch) => "This sweep would do about {total} steps of work in all (events, micro-batches, batch runs, samples); at most {max}. Use fewer values, a shorter duration or a lower rate.",
        (Lang::Pt, TooMuch) => "Esta varredura faria cerca de {total} passos de trabalho no total (eventos, micro-batches, execuções batch, amostras); no máximo {max}. Use menos valores, uma duração menor ou uma taxa menor.",
        (Lang::Pt, TooFew) => "{field}: de {from} até {to} dá só {n} valor(es) diferente(s); uma varredura precisa de {min} a {max}. Amplie a faixa.",
    }
}

/// [`t`] with each `{name}` replaced by its value.
pub fn fill(lang: Lang, key: T, values: &[(&str, String)]) -> String {
    crate::i18n::fill(t(lang, key), values)
}
