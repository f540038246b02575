#!/bin/sh
# Makes the PDF fixtures of tests/fixtures/pdf/ from texts, with LibreOffice (as many notices
# are published: a text layer with CID fonts and ToUnicode maps), and one without a text layer
# (the first page rendered to an image and put back into a PDF, as a scan is).
# Needs: libreoffice-writer (soffice), poppler-utils (pdftoppm), fonts-noto-cjk.
# The PDFs are committed; `cargo test` never runs this.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/tests/fixtures/pdf"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

cp "$here/tests/fixtures/seed-notice.txt" "$work/seed-notice.txt"
cp "$here/tests/fixtures/genres/23-huangshi-zhidui-lianghui-diaodu.txt" "$work/remarks.txt"
for name in seed-notice remarks; do
    soffice --headless --infilter="Text (encoded):UTF8" --convert-to pdf --outdir "$work" "$work/$name.txt" >/dev/null
    cp "$work/$name.pdf" "$out/$name.pdf"
done

# A scan: the seed notice's first page as a picture, no text.
pdftoppm -r 50 -gray -f 1 -l 1 -singlefile "$work/seed-notice.pdf" "$work/page"
python3 "$here/scripts/pdf-from-image.py" "$work/page.pgm" "$out/scanned.pdf"
ls -l "$out"
