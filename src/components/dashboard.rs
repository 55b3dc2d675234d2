//! A pipeline's live dashboard: what it has published per group, beside the
//! ground truth so far (`Simulation::dashboard`).

use bslab_engine::scenario::GroupKey;
use bslab_engine::DashboardRow;
use yew::prelude::*;

use crate::format;
use crate::i18n::{Key, Lang};

/// Properties of [`Dashboard`].
#[derive(Properties, PartialEq)]
pub struct DashboardProps {
    /// Language.
    pub lang: Lang,
    /// Batch (true) or streaming.
    pub batch: bool,
    /// The rows.
    pub rows: Vec<DashboardRow>,
    /// Show amounts (sales, fraud) rather than counts (social).
    pub money: bool,
}

/// The name of a group, for people.
pub fn group_name(key: &GroupKey) -> String {
    match key {
        GroupKey::Category { category } => category.clone(),
        GroupKey::PostAction { post_id, action } => format!("post {post_id} · {action}"),
        GroupKey::Card { card_id } => format!("card {card_id}"),
    }
}

/// Dashboard table.
#[function_component(Dashboard)]
pub fn dashboard(p: &DashboardProps) -> Html {
    let lang = p.lang;
    let value = |a: &bslab_engine::window::Agg| {
        if p.money {
            format::money(a.sum_cents, lang)
        } else {
            format::count(a.count, lang)
        }
    };
    let unit = lang.t(if p.money { Key::Amount } else { Key::Events });
    html! {
        <table class="dashboard" data-testid={if p.batch { "dashboard-batch" } else { "dashboard-streaming" }}>
            <caption>{ lang.t(Key::Dashboard) }{ format!(" ({unit})") }</caption>
            <thead><tr>
                <th scope="col">{ lang.t(Key::Group) }</th>
                <th scope="col">{ lang.t(Key::PublishedCol) }</th>
                <th scope="col">{ lang.t(Key::TruthCol) }</th>
                <th scope="col">{ "%" }</th>
            </tr></thead>
            <tbody>
                { for p.rows.iter().map(|r| {
                    let got = if p.batch { &r.batch } else { &r.streaming };
                    let (a, b) = if p.money { (got.sum_cents as f64, r.truth.sum_cents as f64) } else { (got.count as f64, r.truth.count as f64) };
                    let pct = if b > 0.0 { (100.0 * a / b).clamp(0.0, 100.0) } else { 0.0 };
                    html! { <tr>
                        <th scope="row">{ group_name(&r.key) }</th>
                        <td class="num">{ value(got) }</td>
                        <td class="num">{ value(&r.truth) }</td>
                        <td class="bar-cell">
                            <span class="bar" style={format!("width:{pct:.0}%")} />
                            <span class="bar-text">{ format!("{pct:.0}") }</span>
                        </td>
                    </tr> }
                }) }
            </tbody>
        </table>
    }
}
