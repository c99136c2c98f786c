#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build (the `fuzz` preset) for a while
# on its seed corpus, prints a line per target and exits non-zero when any
# crashed, timed out, leaked or ran out of memory.
#
#   tests/fuzz/run_fuzzers.sh [BUILD_DIR [SECONDS [TARGET...]]]
#   tests/fuzz/run_fuzzers.sh build/fuzz 30          # what `make fuzz` runs
#   tests/fuzz/run_fuzzers.sh build/fuzz 600 rules_json
#
# BUILD_DIR defaults to build/fuzz, SECONDS to 30, the targets to all of them
# (BUILD_DIR/tests/fuzz/fuzzers.txt). Each run reads the seeds of
# tests/fuzz/corpus/<target>/ and writes what it finds to
# BUILD_DIR/fuzz-runs/<target>/: corpus/ (new inputs; the seeds are never
# written), artifacts/ (crash-*, timeout-*, leak-*, oom-*: the reproducers)
# and log.txt. Inputs go up to FUZZ_MAX_LEN bytes (200000: past the CSV
# reader's 64 KB pieces); one taking over FUZZ_TIMEOUT seconds (10) is a
# hang. Environment: FUZZ_MAX_LEN, FUZZ_TIMEOUT, FUZZ_RSS_LIMIT_MB (2048).
set -uo pipefail

source_dir="$(cd "$(dirname "$0")/../.." && pwd)"
build_dir="${1:-build/fuzz}"
seconds="${2:-30}"
shift $(( $# > 2 ? 2 : $# ))
max_len="${FUZZ_MAX_LEN:-200000}"
timeout="${FUZZ_TIMEOUT:-10}"
rss_limit="${FUZZ_RSS_LIMIT_MB:-2048}"

list="$build_dir/tests/fuzz/fuzzers.txt"
if [[ ! -f "$list" ]]; then
  echo "run_fuzzers: no $list: build the fuzzers first (make fuzz, or" >&2
  echo "  cmake --preset fuzz && cmake --build --preset fuzz)" >&2
  exit 2
fi
if [[ $# -gt 0 ]]; then
  targets=("$@")
else
  mapfile -t targets < <(grep -v '^$' "$list")
fi

# Leaks are findings (libFuzzer's -detect_leaks is on); UBSan aborts (the
# build has -fno-sanitize-recover); symbolized stacks in the logs.
export ASAN_OPTIONS="${ASAN_OPTIONS:-symbolize=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
if [[ -z "${ASAN_SYMBOLIZER_PATH:-}" ]] && command -v llvm-symbolizer >/dev/null; then
  export ASAN_SYMBOLIZER_PATH="$(command -v llvm-symbolizer)"
fi

echo "run_fuzzers: ${#targets[@]} targets, ${seconds} s each, inputs up to" \
  "${max_len} bytes, ${timeout} s an input"
failed=()
summary=()
started=$SECONDS
for target in "${targets[@]}"; do
  fuzzer="$build_dir/tests/fuzz/${target}_fuzzer"
  seeds="$source_dir/tests/fuzz/corpus/$target"
  run="$build_dir/fuzz-runs/$target"
  if [[ ! -x "$fuzzer" || ! -d "$seeds" ]]; then
    summary+=("$(printf '%-20s MISSING   (%s or %s)' "$target" "$fuzzer" "$seeds")")
    failed+=("$target")
    continue
  fi
  rm -rf "$run/artifacts"  # this run's findings only; the corpus grows
  mkdir -p "$run/corpus" "$run/artifacts"
  log="$run/log.txt"
  "$fuzzer" -max_len="$max_len" -timeout="$timeout" -rss_limit_mb="$rss_limit" \
    -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$run/artifacts/" "$run/corpus" "$seeds" >"$log" 2>&1
  status=$?
  # The last status line: "#N ... cov: C ft: F corp: K/S ... exec/s: E".
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
  corp=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<<"$last")
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log")
  verdict=ok
  if [[ $status -ne 0 ]]; then
    verdict="FAILED($status)"
    grep -q 'ERROR: libFuzzer: timeout' "$log" && verdict=TIMEOUT
    grep -q 'ERROR: LeakSanitizer' "$log" && verdict=LEAK
    grep -q -E 'ERROR: libFuzzer: (out-of-memory|malloc)' "$log" && verdict=OOM
    grep -q -E 'ERROR: (AddressSanitizer|libFuzzer: deadly signal)|runtime error:|fuzz invariant broken' "$log" &&
      verdict=CRASH
    failed+=("$target")
  fi
  line=$(printf '%-20s %-10s cov: %-6s ft: %-6s corpus: %-5s runs: %s' \
    "$target" "$verdict" "${cov:-?}" "${ft:-?}" "${corp:-?}" "${runs:-?}")
  summary+=("$line")
  echo "$line"
  if [[ $status -ne 0 ]]; then
    # What broke, and where the reproducer is.
    grep -m1 -E 'ERROR: |runtime error:|fuzz invariant broken|terminate called|what\(\):' "$log" |
      sed 's/^/    /'
    grep -m3 -E '^ +#[0-9]+ 0x' "$log" | sed 's/^/    /'
    for artifact in "$run"/artifacts/*; do
      [[ -e "$artifact" ]] && echo "    reproducer: $artifact"
    done
    echo "    log: $log"
  fi
done

echo
echo "run_fuzzers: summary ($(( SECONDS - started )) s)"
printf '  %s\n' "${summary[@]}"
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "run_fuzzers: FAILED: ${failed[*]}"
  echo "  replay a reproducer: $build_dir/tests/fuzz/<target>_fuzzer <file>"
  exit 1
fi
echo "run_fuzzers: every target ran ${seconds} s without a finding"
