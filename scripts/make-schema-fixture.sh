#!/usr/bin/env bash
# Writes tests/fixtures/schema-vN.sqlite3 with the duban built from the current tree (which must
# still be at schema N): the seed notice and the next meeting's notice (接续 linked), every
# status, progress notes and one evidence file, all at fixed dates. Run it before the commit that
# adds migration N+1, so the fixture is a database as users have it.
# Usage: scripts/make-schema-fixture.sh N
set -euo pipefail
cd "$(dirname "$0")/.."
version=$1
cargo build --bin duban >/dev/null
bin=target/debug/duban
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
d=(--author 值班员甲 --data "$data")
# From schema 9 on, closing without evidence dated after the notice needs --no-evidence.
unbacked=(); [ "$version" -ge 9 ] && unbacked=(--no-evidence)
"$bin" import tests/fixtures/seed-notice.txt --date 2022-03-16 "${d[@]}" >/dev/null
"$bin" status 1 推进中 --date 2022-03-17 "${d[@]}" >/dev/null
"$bin" note 1 "已联合住建部门检查在建工地46处，员工宿舍整改9处。" --date 2022-03-18 "${d[@]}" >/dev/null
"$bin" status 3 已完成 --date 2022-03-19 "${d[@]}" >/dev/null
"$bin" note 3 "已组织全省实战化拉动演练，形成总结报告。" --date 2022-03-19 "${d[@]}" >/dev/null
"$bin" status 16 已销号 --date 2022-03-21 "${unbacked[@]}" "${d[@]}" >/dev/null
printf '%%PDF-1.4\n%%%%EOF\n' > "$data/整改通知书.pdf"
"$bin" attach --directive 1 "$data/整改通知书.pdf" --date 2022-03-18 "${d[@]}" >/dev/null
"$bin" import tests/fixtures/next-notice.txt --date 2022-03-23 --link "${d[@]}" >/dev/null
"$bin" note 17 "已部署专项复查。" --date 2022-03-24 "${d[@]}" >/dev/null
if [ "$version" -ge 8 ]; then
  # 分单位督办 (schema 8): a feedback, a reminder, an extension, one office through review.
  "$bin" feedback 2 --office 防火监督处 "已排查在建工地12处。" --date 2022-03-18 --channel 电话 --by 张三 "${d[@]}" >/dev/null
  "$bin" remind 2 --office 新闻宣传处 --date 2022-03-22 --channel 电话 --reached 李四 --step 催办 "${d[@]}" >/dev/null
  "$bin" extend 4 --office 防火监督处 --to 2022-04-10 --reason 执法案卷较多 --approved-by 王处长 --date 2022-03-19 "${d[@]}" >/dev/null
  "$bin" complete 3 --office 防火监督处 --date 2022-03-19 --report "演练总结已报。" "${d[@]}" >/dev/null
  "$bin" accept 3 --office 防火监督处 --date 2022-03-20 "${unbacked[@]}" "${d[@]}" >/dev/null
  "$bin" complete 3 --office 新闻宣传处 --date 2022-03-19 "${d[@]}" >/dev/null
  "$bin" return 3 --office 新闻宣传处 --reason 缺少宣传报道清单 --date 2022-03-20 "${d[@]}" >/dev/null
fi
if [ "$version" -ge 9 ]; then
  # 周期报送 (schema 9): a monthly rule on directive 2 from March, its first period answered.
  "$bin" recur 2 每月25日前 --from 2022-03-01 --until 2022-12-31 --date 2022-03-16 "${d[@]}" >/dev/null
  "$bin" feedback 2 --office 防火监督处 "3月排查进展已报送。" --date 2022-03-24 --channel 书面 "${d[@]}" >/dev/null
fi
if [ "$version" -ge 10 ]; then
  # 督办单 (schema 10): notice forms for every office and one 催办通知, with their serials.
  "$bin" forms --all -o "$data/forms" --date 2022-03-17 "${d[@]}" >/dev/null
  "$bin" urge-forms --office 新闻宣传处 -o "$data/forms" --date 2022-04-20 "${d[@]}" >/dev/null
fi
if [ "$version" -ge 11 ]; then
  # 新建与调整 (schema 11): a 批示 by hand, a split, a merge and a deletion.
  "$bin" add --title 冬季火灾防控 --text "请防火监督处牵头做好冬季火灾防控。" --office 防火监督处 --deadline 2022-04-30 \
    --source 批示 --by 王总队长 --ref "辽消〔2022〕12号" --date 2022-03-25 "${d[@]}" >/dev/null
  "$bin" split 5 --keep "开展执法检查。" --title 约谈 --text "约谈重点单位。" --date 2022-03-25 "${d[@]}" >/dev/null
  "$bin" merge 6 7 --date 2022-03-25 "${d[@]}" >/dev/null
  "$bin" delete 12 --date 2022-03-25 "${d[@]}" >/dev/null
fi
found=$(sqlite3 "$data/duban.sqlite3" "PRAGMA user_version")
[ "$found" = "$version" ] || { echo "the build writes schema $found, not $version" >&2; exit 1; }
sqlite3 "$data/duban.sqlite3" "PRAGMA journal_mode = DELETE; VACUUM" >/dev/null
cp "$data/duban.sqlite3" "tests/fixtures/schema-v$version.sqlite3"
echo "tests/fixtures/schema-v$version.sqlite3"
