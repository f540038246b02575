#!/usr/bin/env bash
# Screenshot of 督办单… with a review on show: the seed notice imported, the forms generated on
# 2022-03-18, then LibreOffice-filled returns (tests/fixtures/forms/) typed into the dialog's
# path field — one clean, one with a column added and a wrong cell, one old .doc — under Xvfb.
# Needs: xvfb xdotool xclip imagemagick.   Usage: scripts/screenshot-forms.sh [out.png]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --bin duban
bin=target/debug/duban
data=$(mktemp -d)
out=${1:-assets/forms-review.png}
$bin import tests/fixtures/seed-notice.txt --date 2022-03-16 --author 张伟 --data "$data" >/dev/null
display=:96
Xvfb $display -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$data"' EXIT
sleep 1
DISPLAY=$display "$bin" --data "$data" --date 2022-03-18 >/dev/null 2>&1 &
app=$!
sleep 5
x() { DISPLAY=$display xdotool "$@"; }
x windowfocus "$(x search --class duban | head -1)" || true
printf '张伟' | DISPLAY=$display xclip -selection clipboard
x mousemove 640 413 click 1; sleep 0.3; x key ctrl+v Return; sleep 0.8
x mousemove 325 17 click 1; sleep 0.5; x mousemove 700 600; sleep 1
printf '%s' "$data/督办单" | DISPLAY=$display xclip -selection clipboard
x mousemove 615 338 click 1; sleep 0.3; x key ctrl+v; sleep 0.3
x mousemove 1123 340 click 1; sleep 3
mkdir -p "$data/收文"
cp tests/fixtures/forms/filled-excel.xlsx "$data/收文/新闻宣传处反馈.xlsx"
cp tests/fixtures/forms/column-added.docx "$data/收文/防火监督处反馈（改过表格）.docx"
cp tests/fixtures/forms/old-word-renamed.docx "$data/收文/旧版Word.docx"
printf '%s;%s;%s' "$data/收文/新闻宣传处反馈.xlsx" "$data/收文/防火监督处反馈（改过表格）.docx" "$data/收文/旧版Word.docx" \
  | DISPLAY=$display xclip -selection clipboard
x mousemove 690 469 click 1; sleep 0.3; x key ctrl+v Return; sleep 3
x mousemove 1300 740; sleep 0.5
DISPLAY=$display import -window root "$out"
echo "screenshot: $out"
