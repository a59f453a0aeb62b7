#!/usr/bin/env bash
# Whole-process timings of Organigram next to d3-flextree on the same chart, in one run.
# Needs: a release build (`cargo build --release`), GNU time (/usr/bin/time), and for the
# peer Node.js with `npm install` run once in this folder.
# Usage: benches/whole-process/run.sh [POSITIONS...]   (default: 10000 100000 1000000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="$here/../../target/release/organigram"
work="${TMPDIR:-/tmp}/organigram-whole-process"
mkdir -p "$work"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000 1000000)

# Best of three: the wall time and peak memory of one command.
best() {
  local best_s="" best_kb=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
    read -r s kb <"$work/time"
    if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; best_kb=$kb; fi
  done
  printf "%6.2f s %7.0f MB" "$best_s" "$(awk "BEGIN{print $best_kb/1024}")"
}

for n in "${sizes[@]}"; do
  chart="$work/chart-$n.ron"
  [ -f "$chart" ] || "$bin" generate --positions "$n" --seed 7 -o "$chart" >/dev/null
  size_mb=$(awk "BEGIN{print $(stat -c %s "$chart")/1048576}")
  printf "\n%s positions (file %.0f MB)\n" "$n" "$size_mb"
  printf "  %-44s %s\n" "organigram validate" "$(best "$bin" validate "$chart")"
  printf "  %-44s %s\n" "organigram export -o json" "$(best "$bin" export "$chart" -o "$work/chart-$n.json")"
  printf "  %-44s %s\n" "organigram export -o svg" "$(best "$bin" export "$chart" -o "$work/chart-$n.svg")"
  if [ "$n" -le 10000 ]; then
    printf "  %-44s %s\n" "organigram export -o pdf (one page)" "$(best "$bin" export "$chart" -o "$work/chart-$n.pdf")"
  fi
  if command -v node >/dev/null && [ -d "$here/node_modules/d3-flextree" ]; then
    printf "  %-44s %s\n" "d3-flextree: JSON in, layout, JSON out" \
      "$(best node --max-old-space-size=8192 "$here/flextree.js" "$work/chart-$n.json" "$work/flextree-$n.json")"
  else
    echo "  (d3-flextree skipped: run npm install in $here)"
  fi
done
