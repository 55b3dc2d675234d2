//! The streaming pipeline's worker pools on the diagram, as Flink's web UI shows a
//! task: busy / backpressured / idle milliseconds per second, as a bar of three
//! parts (colour, and a hatch for backpressured) and as numbers that add up to 1,000.

use yew::prelude::*;

use crate::flink::{FlinkPools, PoolTime};
use crate::format;
use crate::i18n::{Key, Lang};

fn pool(lang: Lang, name: Key, id: &'static str, t: PoolTime) -> Html {
    let part = |class: &'static str, ms: u32| {
        html! { <span class={classes!("pool-part", class)} style={format!("width:{}%", format::short(f64::from(ms) / 10.0))} /> }
    };
    let n = |ms: u32| format::count(u64::from(ms), lang);
    // The words are in the block's title line: each row is three numbers, on one line.
    let text = format!("{} · {} · {}", n(t.busy), n(t.backpressured), n(t.idle));
    html! {
        <div class="pool" data-testid={id} data-busy={t.busy.to_string()}
            data-backpressured={t.backpressured.to_string()} data-idle={t.idle.to_string()}>
            <span class="pool-name">{ lang.t(name) }</span>
            <span class="pool-bar" aria-hidden="true">
                { part("busy", t.busy) }{ part("backpressured", t.backpressured) }{ part("idle", t.idle) }
            </span>
            <span class="pool-numbers">{ text }</span>
        </div>
    }
}

/// Source and workers over the last sample interval (`pools`), one line each, with the
/// one-line explanation under them. A plain function, not a component: the diagram
/// around it is drawn every frame anyway.
pub fn pool_times(lang: Lang, pools: &FlinkPools) -> Html {
    html! {
        <div class="pools" data-testid="flink-pools"
            title={format!("{} {}", lang.t(Key::FlinkTitle), lang.t(Key::FlinkNote))}>
            <span class="pools-title">{ format!(
                "Flink (ms/s): {} · {} · {}",
                lang.t(Key::FlinkBusy),
                lang.t(Key::FlinkBackpressured),
                lang.t(Key::FlinkIdle)
            ) }</span>
            { pool(lang, Key::FlinkSource, "pool-source", pools.source) }
            { pool(lang, Key::FlinkWorkers, "pool-workers", pools.workers) }
            <p class="pools-note">{ lang.t(Key::FlinkNote) }</p>
        </div>
    }
}
