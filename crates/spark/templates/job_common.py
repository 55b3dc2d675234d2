# --- experiment parameters, written by `bslab export` ----------------------------------
PARAMS = json.loads(
    r"""
__BSLAB_PARAMS__
"""
)
# ----------------------------------------------------------------------------------------

HERE = os.path.dirname(os.path.abspath(__file__))


def event_schema(params=PARAMS):
    """The exported events' columns as a Spark schema."""
    from pyspark.sql.types import IntegerType, LongType, StringType, StructField, StructType

    types = {"long": LongType(), "int": IntegerType(), "string": StringType()}
    return StructType([StructField(name, types[kind]) for name, kind in params["columns"]])


def window_column(time_col, params=PARAMS):
    """(the query's event-time window column, its name): `window(ts, size[, slide])`,
    or `session_window(ts, gap)` for session windows (per key: the group-by keys)."""
    from pyspark.sql import functions as F

    if params["window_kind"] == "session":
        return F.session_window(time_col, *params["window_durations"]), "session_window"
    return F.window(time_col, *params["window_durations"]), "window"


def windowed_aggregate_by(events, time_col, params=PARAMS):
    """The scenario's query per event-time window of `time_col`: what both jobs
    run, the batch job over the event time as it is, the streaming job over
    the event time it put a watermark on."""
    from pyspark.sql import functions as F

    aggs = [F.count(F.lit(1)).alias("count")]
    if params["amount_column"]:
        aggs.append(F.sum(params["amount_column"]).alias("sum_cents"))
    max_above = params.get("max_above")  # IoT: alert when the window maximum is above it
    if max_above is not None:
        aggs.append(F.max(params["amount_column"]).cast("long").alias("max_cents"))
    window, name = window_column(time_col, params)
    result = events.groupBy(window, *params["key_columns"]).agg(*aggs)
    if params["count_above"] is not None:  # fraud: only cards over the alert threshold
        result = result.filter(F.col("count") > params["count_above"])
    if max_above is not None:
        result = result.filter(F.col("max_cents") > max_above)
    return result.select(
        F.unix_millis(f"{name}.start").alias("window_start_ms"),
        F.unix_millis(f"{name}.end").alias("window_end_ms"),
        *params["key_columns"],
        "count",
        *(["sum_cents"] if params["amount_column"] else []),
        *(["max_cents"] if max_above is not None else []),
    )


def small_shuffles(spark) -> None:
    """Shuffle partitions = the cores Spark has, unless given (`--conf
    spark.sql.shuffle.partitions=N`): the default 200 makes every micro-batch of
    these small windowed aggregates run 200 state-store tasks (minutes on a laptop)."""
    key = "spark.sql.shuffle.partitions"
    if not spark.sparkContext.getConf().contains(key):
        spark.conf.set(key, str(max(2, spark.sparkContext.defaultParallelism)))
