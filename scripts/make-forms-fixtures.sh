#!/usr/bin/env bash
# Makes the returned-form fixtures of tests/fixtures/forms/ with a real office program: duban
# generates the 督办通知单 / 反馈单 of the seed notice (imported as issued 2022-03-16, forms
# generated 2022-03-18 by 张伟 — the same database tests/core/forms.rs builds, so identifiers
# match), then LibreOffice (headless, driven over UNO by scripts/fill-forms.py) fills them as an
# office would and saves them, plus the hand-edited variants (rows deleted and reordered, a
# column added, merged cells, tracked changes, a comment, properties stripped, an old .doc
# renamed .docx, a password, an unrelated document).
# Needs: apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui python3-uno
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --bin duban
work=$(mktemp -d)
trap 'kill "${office_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
duban=target/debug/duban
$duban import tests/fixtures/seed-notice.txt --date 2022-03-16 --author 张伟 --data "$work/db" >/dev/null
$duban forms --all -o "$work/generated" --date 2022-03-18 --author 张伟 --data "$work/db" >/dev/null
python3 - "$work/photo.png" <<'PY'
import struct, sys, zlib
# A 64×48 PNG (red-orange gradient), written without any imaging library.
w, h = 64, 48
raw = b"".join(b"\x00" + bytes(v for x in range(w) for v in (200, 4 * x % 256, 3 * y % 256)) for y in range(h))
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
soffice --headless --invisible --norestore "-env:UserInstallation=file://$work/profile" \
  --accept="socket,host=127.0.0.1,port=2083;urp;" >/dev/null 2>&1 &
office_pid=$!
out=tests/fixtures/forms
mkdir -p "$out"
/usr/bin/python3 scripts/fill-forms.py "$work/generated" "$work/photo.png" "$out"
# Variants made on the zip (what WPS or a mail gateway does): properties stripped; properties
# and printed code both gone.
python3 - "$out" <<'PY'
import sys, zipfile, re
out = sys.argv[1]
def rewrite(src, dst, drop=(), edit=None):
    with zipfile.ZipFile(f"{out}/{src}") as z, zipfile.ZipFile(f"{out}/{dst}", "w", zipfile.ZIP_DEFLATED) as o:
        for i in z.infolist():
            if i.filename in drop: continue
            data = z.read(i.filename)
            if edit and i.filename == "word/document.xml": data = edit(data.decode()).encode()
            o.writestr(i, data)
rewrite("filled-word.docx", "stripped-properties.docx", drop=("docProps/custom.xml",))
def strip_everything(x):
    # LibreOffice splits the serial and the code into runs: drop the serial's 督办 and every
    # hex digit run after the code's label.
    x = x.replace("督办〔", "〔")
    at = x.index("表单识别码")
    return x[:at] + re.sub(r">[0-9a-f]+<", "><", x[at:])
rewrite("filled-word.docx", "stripped-everything.docx", drop=("docProps/custom.xml",), edit=strip_everything)
def comment(x):
    # A comment on the first 进展情况 as Word writes one: a range and a reference run.
    end = x.index("</w:p>", x.index("家单位开展消防安全检查"))
    mark = '<w:commentRangeStart w:id="0"/><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
    return x[:end] + mark + x[end:]
rewrite("filled-word.docx", "comment.docx", edit=comment)
with zipfile.ZipFile(f"{out}/comment.docx", "a") as z:
    z.writestr("word/comments.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="王强"><w:p><w:r><w:t>请领导审阅</w:t></w:r></w:p></w:comment></w:comments>')
PY
ls -l "$out"
