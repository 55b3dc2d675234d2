//! A pipeline's live dashboard: what it has published per group, beside the
//! ground truth so far (`Simulation::dashboard`): revenue by category, engagements
//! by post, or transactions of the busiest cards that an alert covered.

use bslab_engine::scenario::GroupKey;
use bslab_engine::window::Agg;
use bslab_engine::DashboardRow;
use yew::prelude::*;

use crate::format::{self, fixed};
use crate::i18n::{iot, web, Key, Lang};

/// Which query the dashboard shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Revenue per category (money).
    Sales,
    /// Engagements per post and action (counts).
    Social,
    /// Transactions per card in alert rows (counts).
    Fraud,
    /// Readings per sensor in alert rows (counts).
    Iot,
    /// Page views per visitor (counts).
    Web,
    /// Any other scenario: events per group key (counts).
    Other,
}

/// What [`dashboard`] shows.
pub struct DashboardProps {
    /// Language.
    pub lang: Lang,
    /// Batch (true) or streaming.
    pub batch: bool,
    /// The rows.
    pub rows: Vec<DashboardRow>,
    /// The scenario's query.
    pub scenario: Kind,
}

/// The name of a group, for people.
pub fn group_name(key: &GroupKey, lang: Lang) -> String {
    match key {
        GroupKey::Category { category } => lang.category(category),
        GroupKey::PostAction { post_id, action } => {
            let action = match *action {
                "like" => lang.t(Key::Like),
                "retweet" => lang.t(Key::Retweet),
                _ => lang.t(Key::Comment),
            };
            format!("{} {post_id} · {action}", lang.t(Key::Post))
        }
        GroupKey::Card { card_id } => format!("{} {card_id}", lang.t(Key::Card)),
        GroupKey::Sensor { sensor_id } => {
            format!("{} {sensor_id}", iot::t(lang, iot::Text::Sensor))
        }
        GroupKey::Visitor { visitor_id } => {
            format!("{} {visitor_id}", web::t(lang, web::Text::Visitor))
        }
    }
}

/// Dashboard table.
pub fn dashboard(p: &DashboardProps) -> Html {
    let lang = p.lang;
    let money = p.scenario == Kind::Sales;
    let value = |a: &Agg| {
        if money {
            format::money(a.sum_cents, lang)
        } else {
            format::count(a.count, lang)
        }
    };
    let caption = match p.scenario {
        Kind::Sales => lang.t(Key::DashboardSales),
        Kind::Social => lang.t(Key::DashboardSocial),
        Kind::Fraud => lang.t(Key::DashboardFraud),
        Kind::Iot => iot::t(lang, iot::Text::Dashboard),
        Kind::Web => web::t(lang, web::Text::Dashboard),
        Kind::Other => lang.t(Key::DashboardOther),
    };
    let name = if p.batch { "batch" } else { "streaming" };
    html! {
        <table class="dashboard" data-testid={format!("dashboard-{name}")}>
            <caption>{ caption }{ " " }<span class="muted">{ "(" }{ lang.t(Key::DashboardNote) }{ ")" }</span></caption>
            <thead><tr>
                <th scope="col">{ lang.t(Key::Group) }</th>
                <th scope="col" class="num">{ lang.t(Key::PublishedCol) }</th>
                <th scope="col" class="num">{ lang.t(Key::TruthCol) }</th>
                <th scope="col">{ "%" }</th>
            </tr></thead>
            <tbody>
                if p.rows.is_empty() {
                    <tr><td colspan="4" class="muted">{ match p.scenario {
                        Kind::Fraud => lang.t(Key::DashboardNoAlert),
                        Kind::Iot => iot::t(lang, iot::Text::NoAlert),
                        Kind::Sales | Kind::Social | Kind::Web | Kind::Other => lang.t(Key::DashboardEmpty),
                    } }</td></tr>
                }
                { for p.rows.iter().map(|r| {
                    let got = if p.batch { &r.batch } else { &r.streaming };
                    let (a, b) = if money {
                        (got.sum_cents as f64, r.truth.sum_cents as f64)
                    } else {
                        (got.count as f64, r.truth.count as f64)
                    };
                    let pct = if b > 0.0 { (100.0 * a / b).clamp(0.0, 100.0) } else { 0.0 };
                    html! { <tr>
                        <th scope="row">{ group_name(&r.key, lang) }</th>
                        <td class="num">{ value(got) }</td>
                        <td class="num">{ value(&r.truth) }</td>
                        <td class="bar-cell">
                            <span class="bar" style={format!("width:{}%", fixed(pct, 0))} />
                            <span class="bar-text">{ fixed(pct, 0) }</span>
                        </td>
                    </tr> }
                }) }
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_names_are_in_the_ui_language() {
        let cat = GroupKey::Category {
            category: "sports-1".to_string(),
        };
        assert_eq!(group_name(&cat, Lang::En), "sports-1");
        assert_eq!(group_name(&cat, Lang::Pt), "esportes-1");
        let like = GroupKey::PostAction {
            post_id: 7,
            action: "like",
        };
        assert_eq!(group_name(&like, Lang::Pt), "post 7 · curtida");
        let comment = GroupKey::PostAction {
            post_id: 7,
            action: "comment",
        };
        assert_eq!(group_name(&comment, Lang::Pt), "post 7 · comentário");
    }
}
