#!/usr/bin/env bash
# Screenshots of 新建工作要求 on a 1366×768 laptop at 150 % (910×512 points): the dialog filled in
# for a 领导批示, and the board after saving. Needs: xvfb x11-utils xdotool xclip imagemagick.
#   apt-get install -y xvfb x11-utils xdotool xclip imagemagick libgl1-mesa-dri libegl1
#   scripts/screenshot-by-hand.sh [OUT-PREFIX]   (default assets/by-hand → -dialog, -board, -split .png)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/demo-data.sh
build_duban
data=$(mktemp -d)
out=${1:-assets/by-hand}
seed_demo "$data"

display=:96
Xvfb $display -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$data"' EXIT
sleep 1
DISPLAY=$display WINIT_X11_SCALE_FACTOR=1.5 "$bin" --data "$data" --date 2022-03-22 >/dev/null 2>&1 &
app=$!
sleep 5
x() { DISPLAY=$display xdotool "$@"; }
x windowfocus "$(x search --class duban | head -1)" || true
# Text arrives as an input method commits it: through the clipboard.
paste() { printf "%s" "$1" | DISPLAY=$display xclip -selection clipboard; sleep 0.2; x key ctrl+v; sleep 0.4; }
# The first start asks for the officer's name.
x mousemove 620 425 click 1; sleep 0.3
paste 张伟; x key Return; sleep 0.6
# 新建工作要求… in the top bar (the second button).
x mousemove ${NEW_X:-370} ${NEW_Y:-25} click 1; sleep 0.8
# The cursor starts in 批示人; the other fields are clicked (their places at 1366×768, 150 %).
paste 王总队长
x mousemove 680 204 click 1; paste 辽消〔2022〕31号
x mousemove 680 370 click 1; sleep 0.4; paste 请防火监督处牵头，会同各支队于月底前完成全省高层建筑消防车通道堵塞问题排查整治，结果报总队。
x mousemove 575 462 click 1; paste 排查整治高层建筑消防车通道
x mousemove 575 514 click 1; paste 防火监督处、沈阳支队、大连支队
x mousemove 1300 700; sleep 0.5
DISPLAY=$display import -window root "$out-dialog.png"
echo "screenshot: $out-dialog.png"
# 保存: the dialog closes, the new directive is selected on the board with its 批示 tag.
x mousemove ${SAVE_X:-237} ${SAVE_Y:-678} click 1; sleep 1.5
x mousemove 1300 700; sleep 0.3
DISPLAY=$display import -window root "$out-board.png"
echo "screenshot: $out-board.png"
# 拆分… at the end of the detail: scroll it down, open the form, scroll to the form.
x mousemove 1160 500; x click --repeat 30 --delay 20 5; sleep 0.5
x mousemove ${SPLIT_X:-1255} ${SPLIT_Y:-666} click 1; sleep 0.8
x mousemove 1160 500; x click --repeat 30 --delay 20 5; sleep 0.5
x mousemove 1300 20; sleep 0.3
DISPLAY=$display import -window root "$out-split.png"
echo "screenshot: $out-split.png"
