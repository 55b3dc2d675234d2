"""The CSV files of `bslab run --csv DIR`, read by DuckDB as is, against the JSON report.

Usage: csv_duckdb_test.py CSV_DIR REPORT_JSON (the report of the same run, with --samples
--windows). DuckDB must infer numeric columns (not text) and read empty fields as NULL; every
number must equal the report's. Exit code 1 with the first difference otherwise.
"""
import json
import math
import sys
from pathlib import Path

import duckdb

SAMPLE_FILES = {
    "latency.csv": ["latency_p50_ms", "latency_p99_ms", "oldest_waiting_ms"],
    "backlog.csv": ["waiting"],
    "freshness.csv": ["freshness_ms"],
    "cost.csv": ["provisioned_worker_s", "busy_worker_s"],
}


def rows(path):
    rel = duckdb.read_csv(str(path), header=True)
    types = dict(zip(rel.columns, (str(t) for t in rel.types)))
    return [dict(zip(rel.columns, r)) for r in rel.fetchall()], types


def same(got, want, what):
    if want is None:
        assert got is None, f"{what}: {got!r}, expected NULL"
        return
    assert got is not None and math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-12), \
        f"{what}: {got!r} != {want!r}"


def main(csv_dir, report_path):
    report = json.loads(Path(report_path).read_text(encoding="utf-8"))
    samples = report["samples"]
    checked = 0
    for name, fields in SAMPLE_FILES.items():
        table, types = rows(Path(csv_dir) / name)
        assert len(table) == len(samples), f"{name}: {len(table)} rows"
        for col, t in types.items():
            assert t in ("BIGINT", "DOUBLE", "INTEGER"), f"{name}.{col} read as {t}"
        for row, s in zip(table, samples):
            same(row["t_ms"], s["t_ms"], f"{name} t_ms")
            for field in fields:
                col = field.removeprefix("latency_")
                for p in ("batch", "streaming"):
                    same(row[f"{p}_{col}"], s[p][field], f"{name} {p}_{col} t={s['t_ms']}")
                    checked += 1
    table, _ = rows(Path(csv_dir) / "throughput.csv")
    for row, s in zip(table, samples):
        same(row["input_eps"], s["arrival_rate_eps"], "throughput input_eps")
        for p in ("batch", "streaming"):
            same(row[f"{p}_eps"], s[p]["throughput_eps"], f"throughput {p}_eps")
            checked += 1
    ended = [w for w in report["windows"] if w["window_end_ms"] <= report["t_ms"]]
    table, _ = rows(Path(csv_dir) / "completeness.csv")
    for col in ("truth", "batch", "streaming"):
        want = sum((w[col] or {}).get("count", 0) for w in ended)
        same(sum(r[f"{col}_count"] for r in table), want, f"completeness {col}_count")
    table, _ = rows(Path(csv_dir) / "dashboard.csv")
    truth = sum(w["truth"]["count"] for w in report["windows"])
    same(sum(r["truth_count"] for r in table), truth, "dashboard truth_count")
    files = 7 + check_side_output(Path(csv_dir), report)
    print(f"csv_duckdb_test: {checked} sample values and {files} files match the report ({csv_dir})")


def check_side_output(csv_dir, report):
    """`late_side_output.csv` (Flink's side output, per-record mode): as many rows as the
    report's count (the first 1,000), each past its allowed lateness. Returns 1 if checked."""
    late = report.get("late_data") or {}
    sent = late.get("side_output") or 0
    path = csv_dir / "late_side_output.csv"
    if not path.exists():
        assert sent == 0, f"{sent} events in the side output and no late_side_output.csv"
        return 0
    table, types = rows(path)
    for col, t in types.items():
        if col not in ("group", "action"):
            assert t in ("BIGINT", "INTEGER"), f"late_side_output.csv {col} read as {t}"
    assert len(table) == min(sent, 1000), f"late_side_output.csv: {len(table)} rows, {sent} sent"
    allowed = late["rules"]["allowed_lateness_ms"]
    assert len({r["event_id"] for r in table}) == len(table), "an event listed twice"
    for r in table:
        assert r["event_time_ms"] + allowed < r["watermark_ms"], f"not past its lateness: {r}"
        assert r["arrival_time_ms"] <= r["side_output_ms"], f"sent before it arrived: {r}"
    return 1


if __name__ == "__main__":
    main(*sys.argv[1:3])
