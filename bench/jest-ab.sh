#!/usr/bin/env bash
# Compares a jest command on an older commit and on this tree, alternating, so that a shared machine's
# load hits both sides alike (bare times are noise there; read the ratio). Prints wall and CPU seconds.
#   bench/jest-ab.sh <commit> <rounds> <jest args...>
#   bench/jest-ab.sh be12967 2 --selectProjects unit
set -euo pipefail
rev=$1; rounds=$2; shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
top=$(mktemp -d); trap 'rm -rf "$top"' EXIT
base=$top/repo; mkdir "$base"
git -C "$here" archive "$rev" | tar -x -C "$base"
# Tests read ../shared beside the repo (the source article).
[ -e "$here/../shared" ] && ln -s "$(cd "$here/../shared" && pwd)" "$top/shared"
ln -s "$here/node_modules" "$base/node_modules"
[ -d "$here/dist" ] && ln -s "$here/dist" "$base/dist"
for _ in $(seq 1 "$rounds"); do
  for side in "$rev" HEAD; do
    dir=$base; [ "$side" = HEAD ] && dir=$here
    load=$(cut -d' ' -f1 /proc/loadavg)
    ( cd "$dir" && /usr/bin/time -o "$top/time" -f '%e %U %S' npx jest "$@" >"$top/log" 2>&1 ) || true
    read -r wall user sys <"$top/time"
    echo "$side wall ${wall}s cpu $(echo "$user + $sys" | bc)s load-before $load | $(grep -E '^Tests:' "$top/log" || echo 'no summary')"
  done
done
