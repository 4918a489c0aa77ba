#!/usr/bin/env bash
# akaji's diff against its peers, from a fresh clone: installs the peers that are missing
# (git, GNU wdiff, dwdiff with apt-get; diff-match-patch with pip), then runs the benchmark.
# Arguments go to the benchmark: --sizes 1,10 (MB, the default) and/or --growth 1,10,50,100.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v git >/dev/null || need+=(git)
command -v wdiff >/dev/null || need+=(wdiff)
command -v dwdiff >/dev/null || need+=(dwdiff)
command -v python3 >/dev/null || need+=(python3 python3-pip)
command -v /usr/bin/time >/dev/null || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
python3 -c "import diff_match_patch" 2>/dev/null \
  || python3 -m pip install -q diff-match-patch \
  || python3 -m pip install -q --break-system-packages diff-match-patch
cargo bench --locked --bench peers -- "$@"
