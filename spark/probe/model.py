"""Reference model of Spark 4 micro-batch watermark/late-drop/emit rules.

Pure Python, no Spark. `watermark_probe.py` runs every probe case through both
real Spark and this model and reports any difference, so this file is the
executable form of docs/spark-semantics.md. All times are integer milliseconds.

Input: a list of files, one per micro-batch, each a list of rows
(event_id, event_time_ms, key, amount_cents), or "EMPTY0" / [] for an empty file.
"""

from __future__ import annotations


def tumbling_or_sliding_windows(t: int, size: int, slide: int) -> list[tuple[int, int]]:
    """All windows [start, start+size) containing t; starts aligned to the epoch.

    Python's % is floor-mod, so this is also right for negative t."""
    last_start = t - (t % slide)
    out = []
    start = last_start
    while start > t - size:
        out.append((start, start + size))
        start -= slide
    return sorted(out)


def run_model(files: list, window_ms: int, delay_ms: int, mode: str,
              slide_ms: int | None = None, per_row_groups: bool = False,
              late_wm: str = "previous") -> list[dict]:
    """Batches Spark runs for `files` (availableNow, maxFilesPerTrigger=1).

    Returns one dict per batch with the same fields the probe extracts from
    Spark's progress and foreachBatch output. `late_wm="current"` models the
    non-default spark.sql.streaming.statefulOperator.allowMultiple=false."""
    slide = slide_ms or window_ms
    wm = 0                      # global watermark, ms; never decreases, starts at 0
    wm_evict_prev = 0           # watermark of the previous batch (0 before batch 0)
    store: dict[tuple, list] = {}   # (ws, we, key[, event_id]) -> [cnt, sum]
    batches = []

    def one_batch(batch_id: int, rows: list) -> None:
        nonlocal wm, wm_evict_prev
        wm_evict = wm                           # progress eventTime.watermark
        wm_late = wm_evict_prev if batch_id > 0 else 0
        if late_wm == "current":
            wm_late = wm_evict
        # 1. group this batch's rows by (window, key): one "row" per group
        groups: dict[tuple, list] = {}
        for (eid, t, key, amount) in rows:
            for (ws, we) in tumbling_or_sliding_windows(t, window_ms, slide):
                g = (ws, we, key) + ((eid,) if per_row_groups else ())
                a = groups.setdefault(g, [0, 0])
                a[0] += 1
                a[1] += amount
        # 2. late filter: whole groups whose window end <= previous batch's watermark
        dropped = 0
        updated = []
        for g, (cnt, s) in sorted(groups.items()):
            if g[1] <= wm_late:
                dropped += 1
                continue
            a = store.setdefault(g, [0, 0])
            a[0] += cnt
            a[1] += s
            updated.append(g)
        # 3. emit / evict with this batch's watermark
        evicted = sorted(g for g in store if g[1] <= wm_evict)
        if mode == "append":
            emitted = [list(g) + store[g] for g in evicted]
        elif mode == "update":
            emitted = [list(g) + store[g] for g in updated]
        else:
            raise ValueError(mode)
        for g in evicted:
            del store[g]
        batches.append({
            "batch_id": batch_id,
            "num_input_rows": len(rows),
            "watermark_ms": wm_evict,
            "dropped_by_watermark": dropped,
            "state_rows_total": len(store),
            "state_rows_updated": len(updated),
            "state_rows_removed": len(evicted),
            "emitted": sorted(emitted),
        })
        # 4. advance the watermark from ALL rows of the batch (late ones included)
        if rows:
            wm = max(wm, max(t for (_, t, _, _) in rows) - delay_ms)
        wm_evict_prev = wm_evict

    for i, f in enumerate(files):
        one_batch(i, [] if f == "EMPTY0" else list(f))
    # availableNow ends with one no-data batch iff the watermark moved in the last batch
    if files and wm > batches[-1]["watermark_ms"]:
        one_batch(len(files), [])
    return batches


def run_session_model(files: list, gap_ms: int, delay_ms: int, mode: str) -> list[dict]:
    """Same for session_window(ts, gap): sessions [first, last + gap) per key.

    Each input row is its own session [t, t+gap) until merged; a row is late when
    t + gap <= previous batch's watermark (counted per row). Sessions merge when
    they overlap or touch (next.start <= current.end): observed in case H."""
    wm = 0
    wm_evict_prev = 0
    state: dict[str, list] = {}  # key -> sorted list of [start, end, cnt, sum]
    batches = []

    def merge(sessions: list) -> list:
        sessions.sort()
        out: list = []
        for s in sessions:
            if out and s[0] <= out[-1][1]:
                out[-1][1] = max(out[-1][1], s[1])
                out[-1][2] += s[2]
                out[-1][3] += s[3]
            else:
                out.append(list(s))
        return out

    def one_batch(batch_id: int, rows: list) -> None:
        nonlocal wm, wm_evict_prev
        wm_evict = wm
        wm_late = wm_evict_prev if batch_id > 0 else 0
        dropped = 0
        new_by_key: dict[str, list] = {}
        for (eid, t, key, amount) in rows:
            if t + gap_ms <= wm_late:
                dropped += 1
                continue
            new_by_key.setdefault(key, []).append([t, t + gap_ms, 1, amount])
        updated_sessions = []
        for key, new in new_by_key.items():
            merged = merge(state.get(key, []) + new)
            old = {tuple(s) for s in state.get(key, [])}
            state[key] = merged
            updated_sessions += [(key, s) for s in merged if tuple(s) not in old]
        evicted = []
        for key in sorted(state):
            keep = []
            for s in state[key]:
                (evicted if s[1] <= wm_evict else keep).append((key, s) if s[1] <= wm_evict else s)
            state[key] = keep
        if mode == "append":
            emitted = [[s[0], s[1], k, s[2], s[3]] for (k, s) in evicted]
        else:
            emitted = [[s[0], s[1], k, s[2], s[3]] for (k, s) in updated_sessions]
        batches.append({
            "batch_id": batch_id,
            "num_input_rows": len(rows),
            "watermark_ms": wm_evict,
            "dropped_by_watermark": dropped,
            "emitted": sorted(emitted),
        })
        if rows:
            wm = max(wm, max(t for (_, t, _, _) in rows) - delay_ms)
        wm_evict_prev = wm_evict

    for i, f in enumerate(files):
        one_batch(i, [] if f == "EMPTY0" else list(f))
    if files and wm > batches[-1]["watermark_ms"]:
        one_batch(len(files), [])
    return batches
