#!/usr/bin/env bash
# Exports the meeting report for the seed notice (with some progress, "today" 2022-03-22) in
# every format and renders each to PNG pages with LibreOffice, to look at what an officer gets.
#   apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk
# Usage: scripts/render-report.sh [OUT_DIR]   (PROFILE=dev for a debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${PROFILE:-release}
cargo build --profile "$profile" >/dev/null
bin=target/$profile/duban
[ "$profile" = dev ] && bin=target/debug/duban
out=${1:-target/report-render}
mkdir -p "$out"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

"$bin" import assets/seed-notice.txt --date 2022-03-16 --author 张伟 --data "$data" >/dev/null
"$bin" status 2 推进中 --author 张伟 --date 2022-03-17 --data "$data" >/dev/null
"$bin" note 2 "已联合住建部门检查在建工地46处，责令整改彩钢板宿舍9处。" --author 张伟 --date 2022-03-18 --data "$data" >/dev/null
"$bin" status 5 已完成 --author 张伟 --date 2022-03-19 --data "$data" >/dev/null
"$bin" note 5 "已组织全省实战化拉动演练，形成总结报告。" --author 张伟 --date 2022-03-19 --data "$data" >/dev/null
"$bin" note 14 "已建立滞留士兵任务清单，逐人明确包保领导。" --author 张伟 --date 2022-03-21 --data "$data" >/dev/null
"$bin" status 16 已销号 --author 张伟 --date 2022-03-21 --data "$data" >/dev/null

for format in docx xlsx csv; do
    "$bin" export -o "$out/汇总.$format" --date 2022-03-22 --data "$data"
done
for format in docx xlsx; do
    soffice --headless --convert-to pdf --outdir "$out" "$out/汇总.$format" >/dev/null 2>&1
    mv "$out/汇总.pdf" "$out/汇总-$format.pdf"
    pdftoppm -r 70 -png "$out/汇总-$format.pdf" "$out/$format-page"
done
ls "$out"
