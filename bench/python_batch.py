"""Times the Python batch due date over 1M dates (issue 16: under 20 ms).

    TSC_LIBRARY=/abs/build/bench/libtimescales_c.so.1 \
        PYTHONPATH=capi/python /usr/bin/python3 bench/python_batch.py

Measures Timescales.due_batch("lac.first_review", ...) over 1,000,000
anchors from 2015 to 2024, one in a thousand NaT, as a pandas-default
datetime64[ns] ndarray, a pandas Series and a datetime64[D] ndarray, and
on_time_batch/lateness_batch over the Series: the best of 7 runs each
(the first run warms the caches). Build the library in Release (the bench
preset); a Debug build is many times slower.
"""

import sys
import time

import numpy as np

import timescales

N = 1_000_000
RUNS = 7


def best_ms(call):
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best * 1e3


def main():
    rng = np.random.default_rng(20191220)
    days = np.datetime64("2015-01-01") + rng.integers(0, 3650, N)
    ns = days.astype("datetime64[ns]")
    ns[::1000] = np.datetime64("NaT")
    done = ns + rng.integers(0, 200, N).astype("timedelta64[D]")
    ts = timescales.Timescales()
    rule = "lac.first_review"
    cases = [("datetime64[ns] ndarray", lambda: ts.due_batch(rule, ns)),
             ("datetime64[D] ndarray", lambda: ts.due_batch(
                 rule, days.astype("datetime64[D]")))]
    try:
        import pandas
    except ImportError:
        pandas = None
    if pandas is not None:
        series = pandas.Series(ns, name="DECOM")
        done_series = pandas.Series(done, name="REVIEW")
        cases += [
            ("pandas Series", lambda: ts.due_batch(rule, series)),
            ("on_time_batch, Series", lambda: ts.on_time_batch(
                rule, series, done_series)),
            ("lateness_batch, Series", lambda: ts.lateness_batch(
                rule, series, done_series))]
    print("timescales %s, %s, numpy %s%s" % (
        timescales.__version__, timescales._ffi.LIBRARY_PATH, np.__version__,
        "" if pandas is None else ", pandas " + pandas.__version__))
    for name, call in cases:
        print("due_batch %-24s %d dates: %6.1f ms" % (
            name, N, best_ms(call)) if name.startswith("datetime") or
            name == "pandas Series" else "%-34s %d dates: %6.1f ms" % (
                name, N, best_ms(call)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
