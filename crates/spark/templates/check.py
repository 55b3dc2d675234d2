#!/usr/bin/env python3
"""Batch x Stream Lab -- compares what Spark wrote for this bundle with expected.json.

    spark-submit streaming_job.py --output out && python3 check.py out
    spark-submit batch_job.py --output out-batch && python3 check.py --batch out-batch
    spark-submit batch_job.py --all-data --output out-truth && python3 check.py --truth out-truth

Plain Python 3, no Spark needed: it reads the files the jobs wrote (local
directories; copy them from HDFS or S3 first). One line per check, field by
field, then the verdict; exit status 1 if anything differs. Exported by
`bslab export`; the parameters are in PARAMS below.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import sys

# --- experiment parameters, written by `bslab export` ----------------------------------
PARAMS = json.loads(
    r"""
__BSLAB_PARAMS__
"""
)
# ----------------------------------------------------------------------------------------

HERE = os.path.dirname(os.path.abspath(__file__))


def part_files(directory: str, extension: str) -> list[str]:
    """The part files Spark (or `bslab export`) wrote in a directory, in name order."""
    return sorted(os.path.join(directory, n) for n in os.listdir(directory)
                  if n.startswith("part-") and n.endswith(extension))


def read_json_lines(directory: str) -> list[dict]:
    rows = []
    for path in part_files(directory, ".json"):
        with open(path) as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    return rows


def read_csv(path: str, params=PARAMS) -> list[dict]:
    """One CSV file with a header, typed by the bundle's columns (others are integers)."""
    types = dict(params["columns"])
    with open(path, newline="") as f:
        return [{k: (v if types.get(k) == "string" else int(v)) for k, v in r.items()}
                for r in csv.DictReader(f)]


def row_key(row: dict, keys: list[str]) -> tuple:
    return (int(row["window_start_ms"]), *(row[k] for k in keys))


def diff_rows(expected: list[dict], actual: list[dict], keys: list[str], fields: list[str]) -> list[str]:
    """Differences between two row sets keyed by (window start, key...)."""
    exp = {row_key(r, keys): r for r in expected}
    act = {row_key(r, keys): r for r in actual}
    problems = [f"{k} missing in Spark (simulator {[exp[k][f] for f in fields]})"
                for k in sorted(exp.keys() - act.keys(), key=str)]
    problems += [f"{k} only in Spark ({[act[k][f] for f in fields]})"
                 for k in sorted(act.keys() - exp.keys(), key=str)]
    for k in sorted(exp.keys() & act.keys(), key=str):
        e = [int(exp[k][f]) for f in fields + ["window_end_ms"]]
        a = [int(act[k][f]) for f in fields + ["window_end_ms"]]
        if e != a:
            problems.append(f"{k}: simulator {e}, Spark {a} ({fields + ['window_end_ms']})")
    return problems


def per_batch(name: str, expected: list, actual: list) -> list[str]:
    problems = [f"batch {i}: simulator {e}, Spark {a}" for i, (e, a) in enumerate(zip(expected, actual)) if e != a]
    if len(expected) != len(actual):
        problems.append(f"{name}: simulator has {len(expected)} batches, Spark {len(actual)}")
    return problems


def value_fields(params=PARAMS) -> list[str]:
    return (["count"] + (["sum_cents"] if params["amount_column"] else [])
            + (["max_cents"] if params.get("max_above") is not None else []))


def window_starts(t: int, params=PARAMS) -> list[int]:
    """Starts of the windows holding event time t: Spark's `window(col, size, slide)`
    (windows [k*slide, k*slide + size)); tumbling windows have slide = size."""
    size = params["window_ms"]
    slide = params.get("slide_ms") or size
    last = t - t % slide
    return [last - i * slide for i in range(size // slide)]


def late_rows(event_files: list[list[dict]], batches: list[dict], params=PARAMS) -> tuple[list[int], list[int]]:
    """Per micro-batch, the rows of its file that Spark's rule drops (window end <= the
    PREVIOUS batch's watermark, per window: a row is dropped when all its windows
    are) and the late (window, key) groups. Complete mode drops nothing."""
    w, keys = params["window_ms"], params["key_columns"]
    rows, groups = [], []
    for k, rows_k in enumerate(event_files):
        late_wm = batches[k - 1]["watermark_ms"] if 0 < k <= len(batches) else 0
        if params["output_mode"] == "complete":
            late_wm = float("-inf")
        if params["window_kind"] == "session":
            # A row is late when its own session [t, t + gap) ends by the watermark,
            # even if it would join a live session; Spark counts dropped input rows.
            late = sum(1 for r in rows_k if r["event_time_ms"] + params["gap_ms"] <= late_wm)
            rows.append(late)
            groups.append(late)
            continue
        late = {(s, *(r[c] for c in keys)) for r in rows_k
                for s in window_starts(r["event_time_ms"], params) if s + w <= late_wm}
        rows.append(sum(1 for r in rows_k if max(window_starts(r["event_time_ms"], params)) + w <= late_wm))
        groups.append(len(late))
    return rows, groups


def progress_problems(expected_progress: list[dict], batches: list[dict]) -> list[str]:
    """Spark's `recentProgress` against expected_progress.json, every deterministic
    field: ids, input rows, eventTime min/max/avg/watermark, stateOperators rows total,
    updated and dropped by watermark. The rates and durations are wall-clock in Spark
    and simulated in the simulator: not compared. `avg` may differ by 1 ms: Spark keeps
    a running mean in floating point and truncates it, the simulator divides the
    exact sum."""
    problems = per_batch("progress", [p["batchId"] for p in expected_progress], [b["batch_id"] for b in batches])
    for p, b in zip(expected_progress, batches):
        ev, op = p["eventTime"], p["stateOperators"][0]
        pairs = [("numInputRows", p["numInputRows"], b["input_rows"]),
                 ("eventTime.watermark", _ms(ev["watermark"]), b["watermark_ms"]),
                 ("eventTime.min", _ms(ev.get("min")), b.get("event_time_min_ms")),
                 ("eventTime.max", _ms(ev.get("max")), b.get("event_time_max_ms")),
                 ("numRowsTotal", op["numRowsTotal"], b["state_rows"]),
                 ("numRowsUpdated", op["numRowsUpdated"], b.get("state_rows_updated")),
                 ("numRowsDroppedByWatermark", op["numRowsDroppedByWatermark"], b["dropped_by_watermark"])]
        problems += [f"batch {b['batch_id']} {name}: simulator {e}, Spark {a}" for name, e, a in pairs if e != a]
        avg, spark_avg = _ms(ev.get("avg")), b.get("event_time_avg_ms")
        if (avg is None) != (spark_avg is None) or (avg is not None and abs(avg - spark_avg) > 1):
            problems.append(f"batch {b['batch_id']} eventTime.avg: simulator {avg}, Spark {spark_avg}")
    return problems


def _ms(timestamp: str | None) -> int | None:
    """Milliseconds since the epoch of a progress timestamp (`1970-01-01T00:00:07.000Z`)."""
    if timestamp is None:
        return None
    t = dt.datetime.strptime(timestamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.timezone.utc)
    delta = t - dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    return (delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000


def streaming_checks(expected: dict, batches: list[dict], output_rows: list[dict],
                     event_files: list[list[dict]] | None, params=PARAMS,
                     expected_progress: list[dict] | None = None) -> list[tuple[str, list[str], str]]:
    """(check, problems, detail) for a streaming run: `batches` as streaming_job's
    progress rows, `output_rows` every row foreachBatch received, with its batch_id."""
    eb = expected["streaming"]["micro_batches"]
    keys, fields = params["key_columns"], value_fields(params)
    checks = [
        ("micro-batch ids", per_batch("ids", [b["batch_id"] for b in eb], [b["batch_id"] for b in batches]),
         f"{len(batches)} batches"),
        ("input rows per micro-batch",
         per_batch("input rows", [b["input_rows"] for b in eb], [b["input_rows"] for b in batches]), ""),
        ("watermark after each micro-batch",
         per_batch("watermark", [b["watermark_ms"] for b in eb], [b["watermark_ms"] for b in batches]),
         f"final {batches[-1]['watermark_ms'] if batches else None} ms"),
        ("numRowsDroppedByWatermark per micro-batch = dropped_groups",
         per_batch("dropped groups", [b["dropped_groups"] for b in eb], [b["dropped_by_watermark"] for b in batches]),
         f"{sum(b['dropped_by_watermark'] for b in batches)} (window, key) groups"),
        ("rows emitted per micro-batch",
         per_batch("emitted", [b["emitted_rows"] for b in eb], [b["emitted_rows"] for b in batches]),
         f"{sum(b['emitted_rows'] for b in batches)} rows"),
    ]
    if event_files is not None:
        rows, groups = late_rows(event_files, batches, params)
        problems = per_batch("dropped rows", [b["dropped_rows"] for b in eb], rows)
        problems += [f"batch {k}: late rows form {g} groups, Spark counted {b['dropped_by_watermark']}"
                     for k, (g, b) in enumerate(zip(groups, batches)) if g != b["dropped_by_watermark"]]
        checks.append(("late rows dropped per micro-batch = dropped_rows", problems,
                       f"{sum(rows)} rows, simulator {expected['streaming']['dropped_late_rows']}"))
    if expected_progress is not None:
        checks.append(("progress = expected_progress.json (ids, input rows, eventTime, state rows)",
                       progress_problems(expected_progress, batches),
                       f"{len(expected_progress)} StreamingQueryProgress objects"))
    final, first = {}, {}
    for r in sorted(output_rows, key=lambda r: int(r["batch_id"])):
        final[row_key(r, keys)] = r
        first.setdefault(row_key(r, keys), int(r["batch_id"]))
    exp_rows = expected["streaming"]["rows"]
    problems = diff_rows(exp_rows, list(final.values()), keys, fields)
    problems += [f"{row_key(r, keys)} first emitted by batch {first[row_key(r, keys)]} in Spark, "
                 f"{r.get('first_batch')} in the simulator"
                 for r in exp_rows if row_key(r, keys) in first and first[row_key(r, keys)] != r.get("first_batch")]
    checks.append(("output rows: final values and first batch", problems, f"{len(final)} rows"))
    return checks


def report(label: str, checks: list[tuple[str, list[str], str]]) -> int:
    """Prints the checks; returns how many failed."""
    failed = 0
    for name, problems, detail in checks:
        if problems:
            failed += 1
            shown = "; ".join(problems[:5]) + (f"; ... {len(problems) - 5} more" if len(problems) > 5 else "")
            print(f"  FAIL  {label:<12} {name}: {shown}", flush=True)
        else:
            print(f"  ok    {label:<12} {name}{f' ({detail})' if detail else ''}", flush=True)
    return failed


def load_expected_progress(directory: str = HERE) -> list[dict]:
    """The simulator's StreamingQueryProgress per micro-batch, from the bundle."""
    with open(os.path.join(directory, "expected_progress.json")) as f:
        return json.load(f)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("output", nargs="?", help="the directory streaming_job.py --output wrote")
    ap.add_argument("--batch", help="the directory batch_job.py --output wrote (scheduled runs)")
    ap.add_argument("--truth", help="the directory batch_job.py --all-data --output wrote")
    ap.add_argument("--events", default=os.path.join(HERE, "events", "csv"),
                    help="the bundle's CSV event files (default: events/csv next to this script)")
    args = ap.parse_args(argv)
    if not (args.output or args.batch or args.truth):
        ap.error("give the streaming output directory, --batch DIR or --truth DIR")
    with open(os.path.join(HERE, "expected.json")) as f:
        expected = json.load(f)
    keys, fields = PARAMS["key_columns"], value_fields()
    checks = []
    if args.output:
        batches = sorted(read_json_lines(os.path.join(args.output, "progress")), key=lambda b: b["batch_id"])
        files = [read_csv(p) for p in part_files(args.events, ".csv")] if os.path.isdir(args.events) else None
        checks += streaming_checks(expected, batches, read_json_lines(os.path.join(args.output, "rows")), files,
                                   expected_progress=load_expected_progress())
    for directory, name, rows in ((args.batch, "batch aggregates per (window, key)", expected["batch"]["rows"]),
                                  (args.truth, "ground truth per (window, key)", expected["truth"]["rows"])):
        if directory:
            actual = [r for p in part_files(directory, ".csv") for r in read_csv(p)]
            checks.append((name, diff_rows(rows, actual, keys, fields), f"{len(actual)} rows"))
    failed = report(PARAMS["scenario"], checks)
    verdict = "AGREE" if not failed else "DIFFER"
    print(f"check: Spark and expected.json {verdict}: {len(checks) - failed} of {len(checks)} checks match")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
