"""The ctest `python.mypy`: ``mypy --strict timescales`` in capi/python.

Run from the package's folder so that mypy reads capi/python/pyproject.toml
([tool.mypy]: pandas is untyped, numpy optional). Any error fails the
test; without mypy it is skipped (exit 77, ctest's SKIP_RETURN_CODE) with
the reason.

Usage: run_mypy.py MYPY PACKAGE_DIR CACHE_DIR
"""

import os
import subprocess
import sys

SKIP = 77


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    mypy, package_dir, cache_dir = argv[1:]
    if not (os.path.isfile(mypy) and os.access(mypy, os.X_OK)):
        print("SKIP: mypy not found at %s (Debian: apt-get install mypy; or "
              "configure with -DTSC_MYPY=/path/to/mypy); the package's type "
              "annotations are not checked" % mypy)
        return SKIP
    command = [mypy, "--strict", "--cache-dir", cache_dir, "timescales"]
    print("$ cd %s && %s" % (package_dir, " ".join(command)), flush=True)
    done = subprocess.run(command, cwd=package_dir)
    # mypy exits 1 on type errors and 2 on a crash or bad usage: both fail
    # (never 77, which would read as a skip).
    return 0 if done.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
