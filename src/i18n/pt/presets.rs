//! Brazilian Portuguese titles and lessons of the engine's presets, apart from
//! the key table (`pt.rs`) because they grow with the preset list, not with the UI.

/// Title and one-sentence lesson of the engine's preset `name`, in Brazilian Portuguese
/// (None for a preset this table does not know yet).
pub fn preset(name: &str) -> Option<(&'static str, &'static str)> {
    Some(match name {
        "sales-daily-vs-live" => (
            "Loja online: relatório por hora vs painel ao vivo",
            "Os mesmos pedidos alimentam um relatório em batch por hora e um painel ao vivo: o relatório é completo, mas tem uma hora de atraso; o painel, segundos.",
        ),
        "batch-late-but-cheap" => (
            "Batch: atrasado, mas barato",
            "Um job noturno processa um dia inteiro de vendas em minutos e paga só por esses minutos; o cluster de streaming, sempre ligado, paga o dia todo.",
        ),
        "streaming-falls-behind" => (
            "O streaming fica para trás num pico",
            "Uma promoção relâmpago multiplica os pedidos por 8 durante 15 minutos: a taxa de entrada passa a capacidade do cluster de streaming, o backlog e a latência crescem e depois escoam.",
        ),
        "late-data-watermark" => (
            "Dados atrasados e a marca d'água (watermark)",
            "5% das curtidas chegam minutos atrasadas (celulares offline). O streaming em modo append espera 30 s pelos atrasados e descarta o que vem depois — contado, nunca em silêncio. O batch por hora espera 5 minutos.",
        ),
        "social-viral-post" => (
            "Redes sociais: um post viraliza",
            "Curtidas, retweets e comentários com popularidade Zipf; o engajamento triplica por 20 minutos. As contagens ao vivo acompanham em segundos; o relatório vê uma hora depois.",
        ),
        "fraud-time-is-money" => (
            "Fraude: tempo é dinheiro",
            "Cartões roubados fazem rajadas de compras. Uma regra sinaliza o cartão com mais de 5 transações em 5 minutos: o streaming sinaliza segundos depois da sexta compra; o batch por hora, muito depois que o dinheiro já foi.",
        ),
        "queue-mm1" => (
            "Streaming por registro é uma fila (M/M/1)",
            "Um worker, tempos de serviço aleatórios, 80% ocupado: o tempo no sistema é 1/(μ−λ), cinco vezes o tempo de serviço. Aumente a taxa até a capacidade e veja explodir.",
        ),
        // Janelas deslizantes e cumulativas.
        "sliding-moving-average" => (
            "Total móvel: os últimos 10 minutos, a cada minuto",
            "Janelas deslizantes de 10 minutos começam a cada minuto: cada pedido conta em 10 janelas, e o resultado é um total móvel suave. O streaming publica uma janela quando a watermark passa do fim dela; um pedido mais atrasado que isso fica fora das janelas já fechadas e ainda conta nas abertas.",
        ),
        "cumulative-sales-today" => (
            "Vendas de hoje até agora",
            "Uma janela cumulativa começa à meia-noite e cresce uma hora por vez: o streaming atualiza o total do dia a cada passo, enquanto o batch noturno publica os mesmos totais depois que o dia acaba. O Spark não tem essa janela (é a CUMULATE do Flink): a exportação avisa.",
        ),
        _ => return None,
    })
}
