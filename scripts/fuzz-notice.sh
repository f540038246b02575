#!/usr/bin/env bash
# Fuzzes the notice reader (fuzz/fuzz_targets/notice.rs) with the machine's stable Rust, no
# cargo-fuzz and no nightly: libFuzzer's coverage flags through RUSTC_BOOTSTRAP, debug
# assertions and overflow checks on, no AddressSanitizer (safe Rust; a panic is the finding).
#   scripts/fuzz-notice.sh [SECONDS]          (default 600)
# The first build compiles the dependencies with coverage (~20 min on 2 cores); later ones
# rebuild duban only (~1 min). Corpus in fuzz/corpus/notice (ignored), findings in
# fuzz/artifacts/notice/.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-600}
export RUSTC_BOOTSTRAP=1 CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
target=$(rustc -vV | awk '/^host:/ { print $2 }')
cargo build --release --target "$target" --bin notice
mkdir -p corpus/notice artifacts/notice
"${CARGO_TARGET_DIR:-target}/$target/release/notice" corpus/notice seeds/notice -dict=notice.dict \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -artifact_prefix=artifacts/notice/
