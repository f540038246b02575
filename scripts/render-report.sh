#!/usr/bin/env bash
# Exports the meeting report for the seed notice (with some progress, "today" 2022-03-22) in
# every format and renders each to PNG pages with LibreOffice, to look at what an officer gets.
#   apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk
# Usage: scripts/render-report.sh [OUT_DIR]   (PROFILE=dev for a debug build;
#        EVIDENCE_LIST=1 appends the 佐证材料清单 to the Word, Excel and PDF reports)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/demo-data.sh
build_duban
out=${1:-target/report-render}
mkdir -p "$out"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
seed_demo "$data" photos

list=()
[ -n "${EVIDENCE_LIST:-}" ] && list=(--evidence-list)
for format in docx xlsx pdf; do
    "$bin" export -o "$out/汇总.$format" --date 2022-03-22 --data "$data" "${list[@]}"
done
"$bin" export -o "$out/汇总.csv" --date 2022-03-22 --data "$data"
# duban's own PDF first: LibreOffice's conversions below write 汇总.pdf too.
mv "$out/汇总.pdf" "$out/汇总-duban.pdf"
pdftoppm -r 70 -png "$out/汇总-duban.pdf" "$out/pdf-page"
for format in docx xlsx; do
    soffice --headless --convert-to pdf --outdir "$out" "$out/汇总.$format" >/dev/null 2>&1
    mv "$out/汇总.pdf" "$out/汇总-$format.pdf"
    pdftoppm -r 70 -png "$out/汇总-$format.pdf" "$out/$format-page"
done
ls "$out"
