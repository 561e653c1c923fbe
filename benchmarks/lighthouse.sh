#!/usr/bin/env bash
# Lighthouse's four category scores for the website that ./run.sh is running, on the mobile preset (the target) and
# the desktop preset, with what each failed audit says; written to benchmarks/results/lighthouse-<time>.md, which
# replaces the earlier one. Installs Lighthouse from npm into benchmarks/.lighthouse/ (ignored) when missing and
# drives Debian's Chromium (/usr/bin/chromium), never a downloaded browser. Needs Node 18.20 or newer.
#   benchmarks/lighthouse.sh [http://localhost:8080]        pages: LIGHTHOUSE_PAGES="/ /courses/pspo /in-house"
set -euo pipefail
cd "$(dirname "$0")/.."

version=12.2.3
home=benchmarks/.lighthouse
lighthouse=$home/node_modules/.bin/lighthouse
if [ "$("$lighthouse" --version 2>/dev/null || true)" != "$version" ]; then
  echo "[lighthouse.sh] installing lighthouse@$version into $home ..."
  mkdir -p "$home"
  [ -f "$home/package.json" ] || echo '{"private": true}' > "$home/package.json"
  npm install --prefix "$home" --no-audit --no-fund --loglevel=error "lighthouse@$version"
fi

base=${1:-http://localhost:8080}
base=${base%/}
read -r -a pages <<< "${LIGHTHOUSE_PAGES:-/ /courses/pspo /in-house}"
chrome_flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking"
chrome_flags+=" --disable-component-update --disable-sync --disable-dev-shm-usage"
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
number=0
for page in "${pages[@]}"; do
  for preset in mobile desktop; do
    number=$((number + 1))
    preset_flag=()
    [ "$preset" = desktop ] && preset_flag=(--preset=desktop)
    echo "[lighthouse.sh] $preset $base$page"
    # A failed run still leaves the others; the report says which one has no scores.
    "$lighthouse" "$base$page" "${preset_flag[@]}" --chrome-flags="$chrome_flags" --output=json \
        --output-path="$reports/$(printf '%02d' "$number")-$preset.json" --quiet \
      || echo "[lighthouse.sh] lighthouse failed on $preset $base$page" >&2
  done
done

mkdir -p benchmarks/results
result=benchmarks/results/lighthouse-$(date -u +%Y%m%d-%H%M%S).md
chromium_version=$("$CHROME_PATH" --version 2>/dev/null | head -n 1 || true)
node benchmarks/lighthouse-report.mjs "$reports" "$base" "$chromium_version" "$chrome_flags" > "$result"
find benchmarks/results -maxdepth 1 -name 'lighthouse-*.md' ! -path "$result" -delete
cat "$result"
echo
echo "written to $result"
