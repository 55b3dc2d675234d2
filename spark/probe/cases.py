"""Probe cases. Each row is (event_id, event_time_ms, key, amount_cents).

Unless a case says otherwise: tumbling window 10 000 ms, watermark delay 5 000 ms.
Notation in comments: wm_k = watermark Spark reports for batch k (used for
eviction/emission in batch k); late_k = the watermark used to drop late rows in
batch k. The candidate rules each case separates are in its `question`.
"""

from __future__ import annotations

import random

from probe_lib import Case


def _ids(rows_per_file):
    """Number rows 1, 2, 3... across files: input [(t, key, amount)] per file."""
    n = 0
    out = []
    for f in rows_per_file:
        if isinstance(f, str):
            out.append(f)
            continue
        rows = []
        for (t, key, amount) in f:
            n += 1
            rows.append((n, t, key, amount))
        out.append(rows)
    return out


CASE_A = Case(
    "A_basic_boundaries",
    "Initial/reported watermark; late rule uses previous batch's wm and window END "
    "(<=); emit when end <= wm (equality); event at window end goes to next window",
    _ids([
        [(1000, "a", 1), (12000, "a", 2)],                   # max 12000 -> wm 7000
        [(3000, "a", 4), (25000, "a", 8)],                   # max 25000 -> wm 20000
        [(4000, "a", 16)],                                   # t < late(7000) but end 10000 > 7000: kept
        [(9999, "a", 32), (15000, "b", 64), (20000, "b", 128)],  # end 10000, 20000 <= 20000: dropped
    ]),
)

CASE_B = Case(
    "B_drop_count_groups",
    "numRowsDroppedByWatermark counts input rows or (window,key) groups?",
    _ids([
        [(30000, "a", 1)],                                   # wm 25000
        [(31000, "a", 1)],                                   # late_1 = 0
        [(100 * i, "a", 1) for i in range(1, 6)]             # 5 rows, group ([0,10000), a)
        + [(200 * i, "b", 1) for i in range(1, 4)]           # 3 rows, group ([0,10000), b)
        + [(11000, "a", 1), (12000, "a", 1)],                # 2 rows, group ([10000,20000), a)
    ]),
)

CASE_B_ROWS = Case(
    "B2_drop_count_per_row_groups",
    "Same as B, grouping also by event_id: does the counter then count input rows?",
    CASE_B.files, per_row_groups=True, modes=("append",),
)

CASE_B_PARTS = Case(
    "B3_drop_count_many_input_partitions",
    "Same as B with each file split into many input partitions (maxPartitionBytes=64): "
    "does partial aggregation per partition change the counter?",
    CASE_B.files, max_partition_bytes=64, modes=("append",),
)

CASE_C = Case(
    "C_empty_files_and_final_flush",
    "Does a header-only / 0-byte file make a batch? Does availableNow end with a "
    "no-data batch that flushes windows?",
    _ids([
        [(1000, "a", 1), (15000, "a", 2)],                   # wm 10000
        [],                                                  # header only: emits [0,10000)?
        "EMPTY0",                                            # 0 bytes
        [(27000, "a", 4)],                                   # wm 22000 after this batch
    ]),
)

CASE_F = Case(
    "F_late_uses_previous_batch_wm",
    "late_k = wm_(k-1) (not wm_k); rows in (late_k, wm_k] windows are kept AND emitted "
    "in the same batch",
    _ids([
        [(12000, "a", 1)],                                   # wm 7000
        [(26000, "a", 2)],                                   # wm 21000
        [(38000, "a", 4), (5000, "b", 8), (15000, "c", 16)],  # late 7000: kept; evict 21000
        [(16000, "d", 32), (21000, "e", 64), (29999, "e", 128)],  # late 21000: d dropped
        [(45000, "a", 256)],                                 # wm 40000 -> final no-data batch
    ]),
)

CASE_F2 = Case(
    "F2_allow_multiple_false",
    "Same as F with spark.sql.streaming.statefulOperator.allowMultiple=false (not the "
    "default): late rows are then judged against the CURRENT batch's watermark",
    CASE_F.files, spark_conf={"spark.sql.streaming.statefulOperator.allowMultiple": "false"},
)

CASE_G = Case(
    "G_sliding_partial_drop",
    "Sliding window 10000/5000: a row in several windows is dropped per (window,key)",
    _ids([
        [(12000, "a", 1)],                                   # wm 7000
        [(24000, "a", 2)],                                   # wm 19000
        [(12500, "b", 4)],                                   # late 7000: kept in both windows
        [(14000, "c", 8), (3000, "d", 16)],                  # late 19000: 1 + 2 groups dropped
        [(40000, "a", 32)],                                  # wm 35000 -> final flush
    ]),
    slide_ms=5000,
)

CASE_H = Case(
    "H_session_windows",
    "session_window(gap 5000): late rule, merge boundary, drop counter",
    _ids([
        [(1000, "a", 1), (3000, "a", 2)],                    # session a [1000,8000); wm 0
        [(20000, "b", 4)],                                   # wm 15000
        [(7000, "a", 8), (25000, "f", 1), (30000, "f", 1)],  # a merges -> [1000,12000); f: touching
        [(9000, "a", 16), (11000, "c", 32), (30000, "b", 64)],  # late 15000: a(9000) dropped
        [(4000, "d", 1), (4500, "d", 1), (12000, "e", 128), (24000, "b", 256)],
        [(50000, "z", 512)],                                 # wm 45000 -> final flush
    ]),
    session_gap_ms=5000, modes=("append",),  # update: AnalysisException in Spark 4.3
)

CASE_H2 = Case(
    "H2_session_late_row_overlapping_live_session",
    "Session late rule looks at the row's own [t, t+gap) only, even if it would merge "
    "into a session still in state?",
    _ids([
        [(12000, "a", 1), (16000, "a", 2), (21000, "a", 4)],  # a [12000,26000); wm 16000
        [(23000, "z", 8)],                                   # wm 18000
        [(10000, "a", 16), (11500, "a", 32)],                # late 16000: 15000 <= 16000 dropped
        [(40000, "z", 64)],                                  # wm 35000 -> flush
    ]),
    session_gap_ms=5000, modes=("append",),
)

CASE_K = Case(
    "K_no_data_batch_moves_late_wm",
    "With an empty file (= a no-data batch) between two data batches, the late-row "
    "watermark of the next batch catches up: compare with K2",
    _ids([
        [(12000, "a", 1)],                                   # wm 7000
        [(26000, "a", 2)],                                   # wm 21000
        [(15000, "c", 4)],                                   # late 7000: kept, emitted
    ]),
)

CASE_K2 = Case(
    "K2_no_data_batch_moves_late_wm",
    "Same rows as K plus an empty file before the last one: (15000, c) is now dropped",
    CASE_K.files[:2] + [[]] + CASE_K.files[2:],
)

CASE_M = Case(
    "M_file_order_by_mtime",
    "Files are taken in modification-time order, not name order (names reversed here; "
    "the model assumes mtime order)",
    CASE_F.files, names_reversed=True, modes=("append",),
)

CASE_I = Case(
    "I_negative_times_batch0",
    "Is the late filter active in batch 0 with watermark 0 (windows ending <= 0)?",
    _ids([
        [(-1, "z", 1), (-10001, "y", 2), (500, "a", 4)],
        [(-2, "z", 8), (7000, "a", 16)],
    ]),
)


def random_case(seed: int, reverse_within_file: bool = False, files_n: int = 7,
                late_max_ms: int = 25000) -> Case:
    """Arrival-ordered events, 4 s per file, mostly small delays, some very late."""
    rng = random.Random(seed)
    files = []
    n = 0
    for i in range(files_n):
        rows = []
        for _ in range(rng.randint(0, 7)):
            n += 1
            arrival = i * 4000 + rng.randrange(4000)
            delay = rng.randrange(3000) if rng.random() < 0.7 else rng.randrange(5000, late_max_ms)
            rows.append((n, arrival - delay + 20000, rng.choice("abc"), rng.randint(1, 999)))
        rows.sort(key=lambda r: r[0], reverse=reverse_within_file)
        files.append(rows)
    tag = "_reversed" if reverse_within_file else ""
    return Case(f"R{seed}{tag}", "random check of the model", files)


def _heavy(seed: int) -> Case:
    c = random_case(seed, files_n=10, late_max_ms=40000)
    c.name = f"R{seed}_heavy_lateness"
    return c


def _heavy_per_row(seed: int) -> Case:
    c = _heavy(seed)
    c.name += "_per_row_groups"
    c.question = ("Grouping also by event_id makes the drop counter count input rows; "
                  "append output re-aggregated by (window, key) equals the normal output")
    c.per_row_groups = True
    c.modes = ("append",)
    return c


ALL = [CASE_A, CASE_B, CASE_B_ROWS, CASE_B_PARTS, CASE_C, CASE_F, CASE_F2, CASE_G, CASE_H,
       CASE_H2, CASE_K, CASE_K2, CASE_M, CASE_I,
       random_case(1), random_case(1, reverse_within_file=True), random_case(2), _heavy(3),
       _heavy_per_row(3)]
