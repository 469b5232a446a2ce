#!/usr/bin/env bash
# Run the tests as if it were another moment: `scripts/test-at.sh 2026-12-04T16:45:00Z [jest args]`.
#
# Many tests and the sandbox's seed read the real clock (suggested times, leave dates, "today" in the
# mailbox's zone), so a test can pass at one hour and fail at another; CI runs whenever a stop happens.
# This shifts every process's clock by the same offset with libfaketime (Debian's `faketime` package, not
# installed by .ci/run: a check to run by hand before a change to dates, not part of `npm test`). The
# clock keeps running, and jest's workers, the sandbox and Chromium all see the same shifted time.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/test-at.sh <ISO instant> [jest args]}
shift
command -v faketime >/dev/null || { echo "needs libfaketime: apt-get install -y faketime" >&2; exit 2; }
offset=$(( $(date -u -d "$target" +%s) - $(date -u +%s) ))
sign=$([ "$offset" -ge 0 ] && echo + || echo)
echo "== jest at $(date -u -d "$target" +%FT%TZ) (clock offset ${sign}${offset}s)"
# Monotonic clocks stay real: timers and timeouts keep their length.
FAKETIME_DONT_FAKE_MONOTONIC=1 exec faketime -f "${sign}${offset}s" npx jest "$@"
