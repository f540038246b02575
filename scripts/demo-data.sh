# Sourced by the screenshot and render scripts: builds duban and fills a data directory with
# the seed notice and some progress ("today" 2022-03-22), the same for every picture.
#   build_duban            sets $bin (PROFILE=dev for a debug build, default release)
#   seed_demo DIR [photos] imports, records progress; with "photos", attaches evidence to 五.1

build_duban() {
    local profile=${PROFILE:-release}
    cargo build --profile "$profile" >/dev/null
    bin=target/$profile/duban
    [ "$profile" = dev ] && bin=target/debug/duban
    return 0
}

seed_demo() {
    local data=$1
    local d=(--author 张伟 --data "$data")
    "$bin" import assets/seed-notice.txt --date 2022-03-16 "${d[@]}" >/dev/null
    "$bin" status 2 推进中 --date 2022-03-17 "${d[@]}" >/dev/null
    "$bin" note 2 "已联合住建部门检查在建工地46处，责令整改彩钢板宿舍9处。" --date 2022-03-18 "${d[@]}" >/dev/null
    "$bin" status 5 已完成 --date 2022-03-19 "${d[@]}" >/dev/null
    "$bin" note 5 "已组织全省实战化拉动演练，形成总结报告。" --date 2022-03-19 "${d[@]}" >/dev/null
    "$bin" status 14 推进中 --date 2022-03-18 "${d[@]}" >/dev/null
    "$bin" note 14 "已建立滞留士兵任务清单，逐人明确包保领导。" --date 2022-03-21 "${d[@]}" >/dev/null
    "$bin" status 16 已销号 --date 2022-03-21 --no-evidence "${d[@]}" >/dev/null
    if [ "${2:-}" = photos ]; then
        convert -size 640x480 plasma:red-yellow "$data/现场检查1.jpg"
        convert -size 640x480 gradient:skyblue-green "$data/现场检查2.jpg"
        printf '%%PDF-1.4\n%%%%\n' > "$data/整改通知书.pdf"
        "$bin" attach --directive 14 "$data/现场检查1.jpg" "$data/现场检查2.jpg" "$data/整改通知书.pdf" \
            --date 2022-03-21 "${d[@]}" >/dev/null
    fi
}
