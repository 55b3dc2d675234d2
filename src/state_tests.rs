//! Tests of [`super`]: boot from links and storage, and the reducer.

use super::*;
use crate::share;

fn reduce(s: AppState, a: Action) -> AppState {
    (*Rc::new(s).reduce(a)).clone()
}

fn fresh() -> AppState {
    AppState::new(Lang::En, boot("", None))
}

#[test]
fn language_switch_keeps_everything_else() {
    let mut s = fresh();
    s.playing = true;
    s.speed = 5;
    let after = reduce(s.clone(), Action::SetLang(Lang::Pt));
    assert_eq!(after.lang, Lang::Pt);
    assert_eq!(
        AppState {
            lang: Lang::En,
            ..after
        },
        s
    );
}

#[test]
fn bad_url_or_storage_falls_back_with_a_notice() {
    let b = boot("#c=@@@", None);
    assert_eq!(b.notices, [Notice::BadLink(ShareError::Damaged)]);
    assert_eq!(b.config, default_config().0);
    let b = boot("", Some("{not json"));
    assert_eq!(b.notices, [Notice::BadStorage(ShareError::Damaged)]);
    let preset = &presets::all()[2];
    let b = boot(&share::encode_hash(&preset.config, 90_000), Some("{bad"));
    assert_eq!(b.config, preset.config);
    assert_eq!(
        (b.preset, b.t_ms, b.notices),
        (Some(preset.name), 90_000, vec![])
    );
}

#[test]
fn ignored_parameters_and_a_clamped_instant_are_said() {
    let preset = &presets::all()[0];
    let end = preset.config.duration_ms;
    let hash = format!("{}&ref=mail", share::encode_hash(&preset.config, end + 5));
    let b = boot(&hash, None);
    assert_eq!(b.config, preset.config);
    assert_eq!(b.t_ms, end);
    assert_eq!(
        b.notices,
        [
            Notice::IgnoredParams(vec!["ref".into()]),
            Notice::Clamped {
                asked_ms: end + 5,
                end_ms: end
            }
        ]
    );
}

#[test]
fn a_pipeline_change_forks_and_a_seed_change_asks_to_restart() {
    let mut s = fresh();
    let view = {
        let mut r = crate::runner::Runner::new((*s.config).clone(), 0).expect("valid");
        r.advance(60_000, || false);
        Rc::new(r.snapshot())
    };
    s = reduce(s, Action::Frame(view));
    let mut more_workers = (*s.config).clone();
    more_workers.batch.workers += 1;
    let forked = reduce(
        s.clone(),
        Action::Apply(Rc::new(more_workers.clone().validated().expect("valid"))),
    );
    assert_eq!(*forked.config, more_workers);
    assert_eq!(forked.run.catch_up_to, 60_000);
    assert_eq!(forked.run.id, s.run.id + 1);
    assert!(
        !s.animating(),
        "the run before the fork is drawn and paused"
    );
    assert!(
        forked.animating(),
        "until the new run's first frame, the view shown is the old run's: not settled"
    );

    let mut new_seed = (*s.config).clone();
    new_seed.seed += 1;
    let asked = reduce(
        s.clone(),
        Action::Apply(Rc::new(new_seed.clone().validated().expect("valid"))),
    );
    assert_eq!(asked.config, s.config);
    assert_eq!(asked.pending.as_deref().map(|p| &**p), Some(&new_seed));
    let restarted = reduce(asked.clone(), Action::ConfirmRestart);
    assert_eq!(*restarted.config, new_seed);
    assert_eq!(restarted.run.catch_up_to, 0);
    assert_eq!(restarted.pending, None);
    let cancelled = reduce(asked, Action::CancelRestart);
    assert_eq!(cancelled.config, s.config);
    assert_eq!(cancelled.pending, None);
}

#[test]
fn a_step_pauses_shows_its_frame_and_says_what_it_reached_in_one_action() {
    let mut s = fresh();
    s.playing = true;
    let mut runner = crate::runner::Runner::new((*s.config).clone(), 0).expect("a valid default");
    let snapshot = Rc::new(runner.snapshot());
    let stepped = reduce(s, Action::Step(snapshot.clone(), Moment::Arrival));
    assert!(!stepped.playing);
    assert!(stepped
        .view
        .as_ref()
        .is_some_and(|v| Rc::ptr_eq(v, &snapshot)));
    assert_eq!(stepped.stepped, Some(Moment::Arrival));
}
