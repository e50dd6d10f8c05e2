#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to the
# project's PublicAPI.Unshipped.txt, and drops removed ones (RS0017). Run after changing public API:
#   eng/update-public-api.sh src/PerformanceAnalytics
set -euo pipefail
dir=${1:-src/PerformanceAnalytics}
file="$dir/PublicAPI.Unshipped.txt"
log=$(mktemp)
dotnet build "$dir" -c Debug --no-incremental -p:TreatWarningsAsErrors=false >"$log" 2>&1 || true
added=$(grep -oP "warning RS0016: Symbol '\K.*(?=' is not part of the declared public API)" "$log" | sort -u || true)
removed=$(grep -oP "warning RS0017: Symbol '\K.*(?=' is part of the declared API, but)" "$log" | sort -u || true)
{
  echo '#nullable enable'
  { grep -v '^#nullable enable$' "$file" || true; printf '%s\n' "$added"; } \
    | grep -v '^$' | grep -vxF -f <(printf '%s\n' "$removed" | grep -v '^$' || echo '@@none@@') | LC_ALL=C sort -u
} >"$file.tmp"
mv "$file.tmp" "$file"
rm -f "$log"
echo "$(printf '%s\n' "$added" | grep -c . || true) added, $(printf '%s\n' "$removed" | grep -c . || true) removed in $file"
