#!/usr/bin/env bash
# Installs the build tree into a staging prefix, then uses the install the
# way downstream users do: find_package (C++ and C targets), pkg-config, the
# installed command, and the Python package found through the install tree.
#   run_package_test.sh BUILD_DIR SOURCE_DIR PYTHON [EXTRA_FLAGS]
set -euo pipefail
build=$1 source=$2 python=$3 flags=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage=$work/stage

cmake --install "$build" --prefix "$stage" >/dev/null

echo "== find_package consumer"
cmake -S "$source/tests/package/consumer" -B "$work/consumer" -G Ninja \
  -DCMAKE_PREFIX_PATH="$stage" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="$flags" >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/consumer_cpp" | tee "$work/out.txt"
grep -qx "cpp 2020-01-22 0.2.0" "$work/out.txt"
"$work/consumer/consumer_c" | tee "$work/out.txt"
grep -qx "c 2020-01-22 abi 1" "$work/out.txt"

echo "== pkg-config"
export PKG_CONFIG_PATH=$stage/lib/pkgconfig
pkg-config --exists timescales_c timescales
test "$(pkg-config --modversion timescales_c)" = "0.2.0"
# shellcheck disable=SC2046
cc $flags -std=c99 -o "$work/pc_c" "$source/tests/package/consumer/consumer.c" \
  $(pkg-config --cflags --libs timescales_c) -Wl,-rpath,"$stage/lib"
# Outputs are captured before grep -q reads them: grep stops at the first
# match, and under pipefail a writer still writing (readelf's second 4 KB)
# would then fail the test on SIGPIPE.
pc_out=$("$work/pc_c")
grep -qx "c 2020-01-22 abi 1" <<<"$pc_out"
dynamic=$(readelf -d "$stage/lib/libtimescales_c.so")
grep -q "SONAME.*libtimescales_c.so.1" <<<"$dynamic"

echo "== installed command"
if [ -x "$stage/bin/timescales" ]; then
  test "$("$stage/bin/timescales" workdays add 2019-12-20 20)" = "2020-01-22"
else
  echo "bin/timescales not installed" >&2
  exit 1
fi

echo "== python from the install tree (no TSC_LIBRARY)"
if [ -z "$flags" ]; then
  env -u TSC_LIBRARY PYTHONPATH="$stage/lib/python3/site-packages" "$python" -c '
import datetime, timescales
cal = timescales.Calendar.england_and_wales()
due = cal.add_working_days(datetime.date(2019, 12, 20), 20)
assert due == datetime.date(2020, 1, 22), due
print("python", due, timescales.__version__)
'
else
  echo "(skipped under sanitizers: the interpreter is not instrumented)"
fi
echo "package test passed"
