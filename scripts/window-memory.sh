#!/usr/bin/env bash
# Issue #17: the window's resident memory 10 s after start, on a data folder (e.g. the 100k
# register of examples/make_register.rs), under Xvfb. Prints VmRSS and VmHWM (peak) in MB.
#   scripts/window-memory.sh /tmp/duban-100k [2026-11-30] [seconds]
# Also RssAnon (the heap: data, egui, the GL driver's buffers) and RssFile (code and fonts mapped
# from files). DUBAN_BIN=path measures another binary (e.g. one built from an earlier commit).
# Needs: xvfb; a release build (cargo build --release).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:?usage: window-memory.sh DATA_DIR [DATE] [SECONDS]}
date=${2:-2026-11-30}
wait=${3:-10}
bin=${DUBAN_BIN:-target/release/duban}
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1400x860x24 >/dev/null 2>&1 &
xvfb=$!
app=
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
sleep 1
# Its own config home: the window's kept state (view, drafts) is not the user's.
config=$(mktemp -d)
DISPLAY=$display XDG_CONFIG_HOME=$config XDG_DATA_HOME=$config "$bin" --data "$data" --date "$date" >/dev/null 2>&1 &
app=$!
sleep "$wait"
awk '/^VmRSS|^VmHWM|^RssAnon|^RssFile/ { printf "%s %.0f MB\n", $1, $2 / 1024 }' "/proc/$app/status"
rm -rf "$config"
