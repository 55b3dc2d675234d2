#!/usr/bin/env bash
# Create (idempotently) the project-local Python venv used to run real Apache Spark
# for parity probes and tests. Prints the venv's python path on stdout.
#
#   scripts/spark-venv.sh            # create/update .venv, print its python
#   PY=$(scripts/spark-venv.sh)      # use it
#
# Needs python3 (with venv) and Java 17 (/usr/bin/java). Only PyPI is contacted,
# and only when pyspark==$PYSPARK_VERSION is not already installed.
set -euo pipefail

PYSPARK_VERSION="4.3.0"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

if [[ ! -x "$PY" ]]; then
    echo "spark-venv: creating $VENV" >&2
    python3 -m venv "$VENV" >&2
fi

installed="$("$PY" -c 'import importlib.metadata as m; print(m.version("pyspark"))' 2>/dev/null || true)"
if [[ "$installed" != "$PYSPARK_VERSION" ]]; then
    echo "spark-venv: installing pyspark==$PYSPARK_VERSION (found: ${installed:-none})" >&2
    "$PY" -m pip install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION" >&2
fi

# DuckDB reads the CSV files of `bslab run --csv` as a teacher would (spark/csv_duckdb_test.py).
DUCKDB_VERSION="2.0.0"
installed="$("$PY" -c 'import importlib.metadata as m; print(m.version("duckdb"))' 2>/dev/null || true)"
if [[ "$installed" != "$DUCKDB_VERSION" ]]; then
    echo "spark-venv: installing duckdb==$DUCKDB_VERSION (found: ${installed:-none})" >&2
    "$PY" -m pip install --quiet --disable-pip-version-check "duckdb==$DUCKDB_VERSION" >&2
fi

if ! command -v java >/dev/null 2>&1; then
    echo "spark-venv: warning: java not on PATH (Spark needs Java 17+)" >&2
fi

echo "$PY"
