#!/usr/bin/env bash
# Draws the app icon — 督 in white on a red seal-like square — at 32, 48, 64, 128 and 256 px
# into assets/icons/duban-SIZE.png, with ImageMagick and the embedded font (the glyph is drawn
# with a stroke of its own colour to give the Regular weight the heft of a seal). Each size
# is drawn at 4x and reduced, so edges are smooth; below 64 px the inner frame, which would be
# a blur, is left out and the glyph fills more of the square.
set -euo pipefail
cd "$(dirname "$0")/.."
font=fonts/NotoSansSC-Regular.ttf
red='#c8161d'
for size in 32 48 64 128 256; do
    s=$((size * 4))
    margin=$((s / 32))
    radius=$((s / 8))
    if [ "$size" -ge 64 ]; then
        frame=$((s / 11)); frame_w=$((s / 64)); point=$((s * 62 / 100)); stroke=$((s / 80))
        draw_frame=(-fill none -stroke white -strokewidth "$frame_w"
            -draw "roundrectangle $frame,$frame $((s - frame - 1)),$((s - frame - 1)) $((radius / 2)),$((radius / 2))")
    else
        point=$((s * 74 / 100)); stroke=$((s / 56))
        draw_frame=()
    fi
    convert -size "${s}x${s}" xc:none \
        -fill "$red" -draw "roundrectangle $margin,$margin $((s - margin - 1)),$((s - margin - 1)) $radius,$radius" \
        "${draw_frame[@]}" \
        -font "$font" -pointsize "$point" -fill white -stroke white -strokewidth "$stroke" \
        -gravity center -annotate +0-$((s / 60)) '督' \
        -resize "${size}x${size}" -strip "PNG32:assets/icons/duban-$size.png"
done
ls -l assets/icons
