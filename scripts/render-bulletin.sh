#!/usr/bin/env bash
# Builds a small March 2022 register through the command line (three meetings, a 接续 chain of
# three, a monthly report, feedback, an extension, a return, an overdue item) and writes the
# 督查通报 for 2022-03 (and 2022Q1 with the ranking) and the 汇报稿 since the 10th meeting,
# rendered to PNG pages by LibreOffice.
#   apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk
# Usage: scripts/render-bulletin.sh [OUT_DIR]   (PROFILE=dev for a debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/demo-data.sh
build_duban
out=${1:-target/bulletin-render}
mkdir -p "$out"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
d() { "$bin" "$@" --data "$data" >/dev/null; }
d import tests/fixtures/bulletin/n1.txt --date 2022-03-01
d import tests/fixtures/bulletin/n2.txt --date 2022-03-10 --link
d import tests/fixtures/bulletin/n3.txt --date 2022-03-20 --link
# 防火: the March report on 03-24; 新闻: one feedback, nothing finished (overdue from 03-15);
# 后勤: the inspection reported done 03-18 and accepted, the vehicles extended in time to 03-31,
# returned once, then finished 03-30.
d feedback 1 --office 防火监督处 "3月排查高层建筑126栋" --date 2022-03-24
d feedback 2 --office 新闻宣传处 "已进社区12个" --date 2022-03-08
d complete 4 --office 后勤装备处 --report "营区用电检查完成" --date 2022-03-18
d accept 4 --office 后勤装备处 --date 2022-03-19 --no-evidence
d extend 6 --office 后勤装备处 --to 2022-03-31 --reason 配件未到 --approved-by 李副总队长 --date 2022-03-22
d complete 6 --office 后勤装备处 --report "检修完成" --date 2022-03-26
d return 6 --office 后勤装备处 --reason 缺检修记录 --date 2022-03-27
d complete 6 --office 后勤装备处 --report "补齐检修记录" --date 2022-03-30
d accept 6 --office 后勤装备处 --date 2022-03-31 --no-evidence
"$bin" bulletin --month 2022-03 -o "$out/督查通报-2022-03.docx" --date 2022-04-01 --data "$data"
"$bin" bulletin --quarter 2022Q1 --rank -o "$out/督查通报-2022Q1.docx" --date 2022-04-01 --data "$data"
"$bin" brief --since-notice 2 -o "$out/汇报稿.docx" --date 2022-03-31 --data "$data"
for f in 督查通报-2022-03 督查通报-2022Q1 汇报稿; do
    soffice --headless --convert-to pdf --outdir "$out" "$out/$f.docx" >/dev/null 2>&1
    pdftoppm -r 70 -png "$out/$f.pdf" "$out/$f-page"
done
ls "$out"
