#!/usr/bin/env bash
# Draws docs/architecture.svg from the code: one box per top-level module of src/, one arrow
# per module another one uses (`crate::NAME` anywhere in its files), laid out by graphviz so
# the layers read top (the window, the command line) to bottom (plain data). An arrow that
# points up a layer is drawn red. Needs graphviz (`apt-get install graphviz`).
set -euo pipefail
cd "$(dirname "$0")/.."

# Layer of each module: higher numbers may use lower ones, never the reverse.
declare -A layer=(
  [ui]=6 [cli]=6
  [report]=5 [backup]=5 [forms]=5
  [evidence]=4
  [store]=3
  [notice]=2
  [model]=1
  [fsutil]=0 [clock]=0 [fonts]=0
)
declare -A label=(
  [ui]="ui/\nthe window (egui)" [cli]="cli/\nthe command line"
  [report]="report/\nWord, Excel, PDF, CSV" [backup]="backup/\nsnapshots, archives, moves"
  [forms]="forms/\n督办单 out, 反馈单 back"
  [evidence]="evidence/\nfiles, hashes, EXIF" [store]="store/\nSQLite (rusqlite only here)"
  [notice]="notice/\ntext → parsed notice" [model]="model/\nplain data"
  [fsutil]="fsutil\natomic writes" [clock]="clock" [fonts]="fonts"
)

module_of() { # src/store/board.rs -> store ; src/fsutil.rs -> fsutil
  local rel=${1#src/}; rel=${rel%%/*}; echo "${rel%.rs}"
}

edges=$(for f in $(git ls-files 'src/*.rs'); do
  from=$(module_of "$f")
  [ -n "${layer[$from]+x}" ] || continue
  grep -oE 'crate::[a-z_]+' "$f" | sed 's/crate:://' | sort -u | while read -r to; do
    [ "$to" != "$from" ] && [ -n "${layer[$to]+x}" ] && echo "$from $to"
  done
done | sort -u)

{
  echo 'digraph duban {'
  echo '  rankdir=TB; node [shape=box, style="rounded,filled", fillcolor="#f5f5f5", fontname="Noto Sans CJK SC"];'
  echo '  edge [color="#555555"];'
  for rank in 6 5 4 3 2 1 0; do
    printf '  { rank=same;'
    for m in "${!layer[@]}"; do [ "${layer[$m]}" = "$rank" ] && printf ' "%s"' "$m"; done
    echo ' }'
  done
  for m in "${!layer[@]}"; do printf '  "%s" [label="%b"];\n' "$m" "${label[$m]}"; done
  while read -r from to; do
    [ -n "$from" ] || continue
    if [ "${layer[$from]}" -le "${layer[$to]}" ]; then
      printf '  "%s" -> "%s" [color=red, penwidth=2];\n' "$from" "$to"
    else
      printf '  "%s" -> "%s";\n' "$from" "$to"
    fi
  done <<< "$edges"
  echo '}'
} > target/architecture.dot

dot -Tsvg target/architecture.dot -o docs/architecture.svg
dot -Tpng -Gdpi=80 target/architecture.dot -o target/architecture.png
up=$(while read -r from to; do [ -n "$from" ] && [ "${layer[$from]}" -le "${layer[$to]}" ] && echo "$from -> $to"; done <<< "$edges" || true)
if [ -n "$up" ]; then echo "upward or sideways imports:"; echo "$up"; fi
echo "wrote docs/architecture.svg"
