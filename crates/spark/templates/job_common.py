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
