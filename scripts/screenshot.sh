#!/usr/bin/env bash
# Takes the README screenshot: the seed notice imported, some progress recorded, "today"
# fixed at 2022-03-22, the window under Xvfb. Needs: xvfb x11-utils xdotool xclip imagemagick.
#   apt-get install -y xvfb x11-utils xdotool xclip imagemagick libgl1-mesa-dri libegl1
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/demo-data.sh
build_duban
data=$(mktemp -d)
out=${1:-assets/screenshot.png}
seed_demo "$data" photos

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
