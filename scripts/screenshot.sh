#!/usr/bin/env bash
# Takes the README screenshot: the seed notice imported, some progress recorded, "today"
# fixed at 2022-03-22, the window under Xvfb. Needs: xvfb x11-utils xdotool xclip imagemagick.
#   apt-get install -y xvfb x11-utils xdotool xclip imagemagick libgl1-mesa-dri libegl1
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${PROFILE:-release}
cargo build --profile "$profile" >/dev/null
bin=target/$profile/duban
[ "$profile" = dev ] && bin=target/debug/duban
data=$(mktemp -d)
out=${1:-assets/screenshot.png}

"$bin" import assets/seed-notice.txt --date 2022-03-16 --author 张伟 --data "$data" >/dev/null
"$bin" status 2 推进中 --author 张伟 --date 2022-03-17 --data "$data" >/dev/null
"$bin" note 2 "已联合住建部门检查在建工地46处，责令整改彩钢板宿舍9处。" --author 张伟 --date 2022-03-18 --data "$data" >/dev/null
"$bin" status 5 已完成 --author 张伟 --date 2022-03-19 --data "$data" >/dev/null
"$bin" note 5 "已组织全省实战化拉动演练，形成总结报告。" --author 张伟 --date 2022-03-19 --data "$data" >/dev/null
"$bin" status 14 推进中 --author 张伟 --date 2022-03-18 --data "$data" >/dev/null
"$bin" note 14 "已建立滞留士兵任务清单，逐人明确包保领导。" --author 张伟 --date 2022-03-21 --data "$data" >/dev/null
# Evidence for 五.1: two inspection photos and a PDF.
convert -size 640x480 plasma:red-yellow "$data/现场检查1.jpg"
convert -size 640x480 gradient:skyblue-green "$data/现场检查2.jpg"
printf '%%PDF-1.4\n%%%%\n' > "$data/整改通知书.pdf"
"$bin" attach --directive 14 "$data/现场检查1.jpg" "$data/现场检查2.jpg" "$data/整改通知书.pdf" --author 张伟 --date 2022-03-21 --data "$data" >/dev/null
"$bin" status 16 已销号 --author 张伟 --date 2022-03-21 --data "$data" >/dev/null

display=:97
Xvfb $display -screen 0 1400x860x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$data"' EXIT
sleep 1
DISPLAY=$display "$bin" --data "$data" --date 2022-03-22 >/dev/null 2>&1 &
app=$!
sleep 4
# Without a window manager the window needs the keyboard focus given to it.
DISPLAY=$display xdotool windowfocus "$(DISPLAY=$display xdotool search --class duban | head -1)" || true
# The first start asks for the officer's name: paste it (as an input method would commit it).
printf '张伟' | DISPLAY=$display xclip -selection clipboard
DISPLAY=$display xdotool mousemove 660 460 click 1
sleep 0.3
DISPLAY=$display xdotool key ctrl+v Return
sleep 0.6
# Sidebar: 队务处; then the row 五.1 and its detail.
DISPLAY=$display xdotool mousemove 70 455 click 1
sleep 0.6
DISPLAY=$display xdotool mousemove 420 285 click 1
sleep 0.8
DISPLAY=$display xdotool mousemove 700 840
sleep 0.3
DISPLAY=$display import -window root "$out"
echo "screenshot: $out"
