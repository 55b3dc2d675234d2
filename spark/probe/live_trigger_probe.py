#!/usr/bin/env python3
"""When does a *running* query (processingTime trigger) run a no-data batch?

The replay test uses availableNow, but the simulator models a live query. This
probe starts a query with a processingTime trigger on an empty directory, drops
files in one at a time (atomic rename) with idle gaps, and prints every batch
Spark ran: data batches, no-data batches, and the idle ticks where it ran none.

    $(scripts/spark-venv.sh) spark/probe/live_trigger_probe.py

Tumbling window 10 000 ms, watermark delay 5 000 ms, trigger 2 s.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from probe_lib import COLUMNS, Case, build_query, make_spark, _wm_ms  # noqa: E402

TRIGGER_S = 2
# (rows, seconds to stay idle after dropping the file in)
STEPS = [
    ([(1, 12000, "a", 1)], 7),   # batch: wm 0; then wm 7000 -> one no-data batch, then idle
    ([(2, 26000, "a", 2)], 7),   # batch: wm 7000; then no-data batch wm 21000 emits [10000,20000)
    ([(3, 15000, "b", 4)], 5),   # late wm = 21000 (the no-data batch's): dropped
]


def main() -> int:
    spark, startup = make_spark(shuffle_partitions=2)
    print(f"Spark {spark.version}; session start {startup:.1f} s")
    case = Case("live", "live trigger", [])
    from pyspark.sql import functions as F

    emitted = {}

    def collect(df, bid):
        emitted[int(bid)] = sorted(
            tuple(r) for r in df.select(F.unix_millis("window.start"), F.unix_millis("window.end"),
                                        "key", "cnt", "sum_cents").collect())

    tmp = tempfile.mkdtemp(prefix="bslab-live-")
    try:
        inp = os.path.join(tmp, "in")
        os.makedirs(inp)
        q = (build_query(spark, case, inp).writeStream.outputMode("append")
             .option("checkpointLocation", os.path.join(tmp, "ckpt"))
             .foreachBatch(collect).trigger(processingTime=f"{TRIGGER_S} seconds").start())
        t0 = time.monotonic()
        for i, (rows, idle) in enumerate(STEPS):
            staging = os.path.join(tmp, f"f{i}.csv")
            with open(staging, "w") as f:
                f.write(",".join(COLUMNS) + "\n")
                for (eid, t, key, amount) in rows:
                    f.write(f"{eid},{t},{t},{key},{amount}\n")
            os.rename(staging, os.path.join(inp, f"batch-{i:05d}.csv"))
            print(f"t={time.monotonic() - t0:5.1f}s  dropped file {i}: {rows}")
            time.sleep(idle)
        q.stop()
        record = {"spark_version": spark.version, "trigger_s": TRIGGER_S, "steps": STEPS,
                  "batches": []}
        for p in q.recentProgress:
            d = json.loads(p.json)
            op = (d.get("stateOperators") or [{}])[0]
            record["batches"].append({
                "batch_id": d["batchId"], "timestamp": d["timestamp"],
                "num_input_rows": d["numInputRows"],
                "watermark_ms": _wm_ms((d.get("eventTime") or {}).get("watermark")),
                "dropped_by_watermark": op.get("numRowsDroppedByWatermark"),
                "emitted": [list(r) for r in emitted.get(int(d["batchId"]), [])]})
            print(f"  batch {d['batchId']} at {d['timestamp']}: in={d['numInputRows']} "
                  f"wm={_wm_ms((d.get('eventTime') or {}).get('watermark'))} "
                  f"dropped={op.get('numRowsDroppedByWatermark')} "
                  f"emitted={emitted.get(int(d['batchId']))}")
        out = os.path.join(HERE, "observed", "live_trigger.json")
        with open(out, "w") as f:
            json.dump(record, f, indent=1)
            f.write("\n")
    finally:
        spark.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
