#!/usr/bin/env python3
"""Unit tests of an exported streaming_job.py's helpers, without starting Spark.

    jobs_test.py BUNDLE_DIR         (scripts/test-spark.sh runs it on one bundle)

- Live mode: Spark's progress of idle triggers (recorded from real Spark by
  probe/idle_progress_probe.py) are not micro-batches.
- The temporary checkpoint: a directory still being written to while it is
  deleted (the state store's maintenance thread after query.stop()) neither
  kills the job nor stays behind.
"""

from __future__ import annotations

import contextlib
import errno
import importlib.util
import io
import json
import os
import sys
import tempfile
import threading
import time
import types
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
JOB = None  # the bundle's streaming_job module, loaded in main()


class IdleTriggers(unittest.TestCase):
    def test_only_batches_that_ran_are_micro_batches(self):
        with open(os.path.join(HERE, "probe", "observed", "idle_progress.json")) as f:
            observed = json.load(f)["progress"]
        progress = [types.SimpleNamespace(json=json.dumps(p)) for p in observed]
        self.assertGreater(len(progress), 2, "the probe recorded idle triggers too")
        rows = JOB.progress_rows(progress)
        # The probe ran one file (1 row), then the no-data batch its watermark move
        # causes, then only idle triggers.
        self.assertEqual([r["batch_id"] for r in rows], [0, 1])
        self.assertEqual([r["input_rows"] for r in rows], [1, 0])


class CheckpointCleanUp(unittest.TestCase):
    def test_a_directory_still_written_to_is_removed(self):
        path = tempfile.mkdtemp(prefix="bslab-jobs-test-")
        stop = time.monotonic() + 0.5

        def maintenance():  # keeps creating files, as the state store's thread does
            i = 0
            while time.monotonic() < stop:
                try:
                    with open(os.path.join(path, f"f{i}"), "w") as f:
                        f.write("x")
                except FileNotFoundError:
                    pass
                i += 1

        writer = threading.Thread(target=maintenance)
        writer.start()
        try:
            self.assertTrue(JOB.remove_checkpoint(path, attempts=100, pause_s=0.02))
        finally:
            writer.join()
        JOB.remove_checkpoint(path)
        self.assertFalse(os.path.exists(path))

    def test_not_empty_is_retried_and_never_raised(self):
        failures = [OSError(errno.ENOTEMPTY, "Directory not empty")] * 2
        calls = []

        def flaky(path):
            calls.append(path)
            if failures:
                raise failures.pop()

        self.assertTrue(JOB.remove_checkpoint("ckpt", pause_s=0, rmtree=flaky))
        self.assertEqual(len(calls), 3)

        def never(path):
            raise OSError(errno.ENOTEMPTY, "Directory not empty")

        with contextlib.redirect_stderr(io.StringIO()) as note:
            self.assertFalse(JOB.remove_checkpoint("ckpt", attempts=3, pause_s=0, rmtree=never))
        self.assertIn("could not delete the temporary checkpoint ckpt", note.getvalue())


def main(argv: list[str]) -> int:
    global JOB
    if len(argv) != 1:
        print(__doc__)
        return 2
    spec = importlib.util.spec_from_file_location("bslab_streaming_job", os.path.join(argv[0], "streaming_job.py"))
    JOB = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(JOB)
    result = unittest.main(argv=["jobs_test"], exit=False, verbosity=2).result
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
