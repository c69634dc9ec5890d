#!/usr/bin/env bash
# Benchmarks the generator against helm, side by side on this machine, and prints the ratios.
#   1. render (defaults; the published executable)      vs  helm template of the emitted chart
#   2. lint of a generated corpus of 10,000 documents   vs  a bare YamlDotNet parse of the same corpus
#   3. lint of one file (the pre-commit case)            vs  helm lint of the chart
#   4. peak memory (max RSS) of each command
# Needs hyperfine and GNU time (Debian packages; installed here when missing) and the tools of tests/setup-tools.sh.
# Results: bench/results/latest.md (and the raw hyperfine JSON beside it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="$root/bench/results"
mkdir -p "$work"

if ! command -v hyperfine >/dev/null || [ ! -x /usr/bin/time ]; then
  echo "bench: installing hyperfine and time from Debian packages" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq hyperfine time >/dev/null
fi
tests/setup-tools.sh
helm="$root/.tools/bin/helm"

echo "bench: publishing the generator and the bench tools with NativeAOT" >&2
dotnet publish generator -c Release -r linux-x64 -p:PublishAot=true -o "$work/bin/generator" >/dev/null
dotnet publish bench/Bench.Tools -c Release -r linux-x64 -p:PublishAot=true -o "$work/bin/bench-tools" >/dev/null
generator="$work/bin/generator/generator"
tools="$work/bin/bench-tools/bench-tools"

corpus="$root/bench/corpus"
"$tools" corpus "$corpus" --documents 10000 >&2
"$generator" render --out "$work/render-out" >/dev/null
# The published (NativeAOT) tool must render exactly what the committed out/ holds.
diff -r "$root/out" "$work/render-out" >&2 || { echo "bench: the NativeAOT build renders differently from out/" >&2; exit 1; }
chart="$work/render-out/chart/llamastack-tracing"
one_file="$work/render-out/manifests/otel-collector.yaml"
apis=(--api-versions tempo.grafana.com/v1alpha1/TempoMonolithic --api-versions llamastack.io/v1alpha1/LlamaStackDistribution)

bench() { # name, then the two commands (ours first)
  local name="$1"; shift
  hyperfine -N --warmup 3 --min-runs "${RUNS:-20}" --export-json "$work/$name.json" -n ours "$1" -n baseline "$2" >&2
}
bench render "$generator render --out $work/bench-render" "$helm template t $chart ${apis[*]}"
RUNS=5 bench lint-corpus "$generator lint --severity error $corpus" "$tools parse $corpus"
bench lint-one-file "$generator lint $one_file" "$helm lint $chart"

mean() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(r[int(sys.argv[2])]['mean'])" "$1" "$2"; }
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }
row() { # name, ours command, baseline command, description
  local ours base
  ours=$(mean "$work/$1.json" 0); base=$(mean "$work/$1.json" 1)
  python3 - "$1" "$ours" "$base" "$(rss $2)" "$(rss $3)" "$4" <<'PY'
import sys
name, ours, base, rss_ours, rss_base, what = sys.argv[1:]
ours, base = float(ours), float(base)
print(f"| {name} | {what} | {ours*1000:.1f} ms | {base*1000:.1f} ms | {ours/base:.2f} | {int(rss_ours)/1024:.0f} MiB | {int(rss_base)/1024:.0f} MiB |")
PY
}
documents=$(find "$corpus" -name '*.yaml' -exec cat {} + | grep -c '^kind:')
{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "Tools: $($helm version --short), $(hyperfine --version), .NET $(dotnet --version)"
  echo
  echo "| benchmark | ours vs baseline | ours (mean) | baseline (mean) | ratio ours/baseline | ours peak RSS | baseline peak RSS |"
  echo "|---|---|---|---|---|---|---|"
  row render "$generator render --out $work/bench-render" "$helm template t $chart ${apis[*]}" "render (defaults; validates and lints what it writes) vs helm template"
  row lint-corpus "$generator lint --severity error $corpus" "$tools parse $corpus" "lint of $documents documents vs bare YamlDotNet parse"
  row lint-one-file "$generator lint $one_file" "$helm lint $chart" "lint of one file vs helm lint"
  python3 - "$documents" "$(mean "$work/lint-corpus.json" 0)" "$(mean "$work/lint-corpus.json" 1)" <<'PY'
import sys
n, ours, base = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"\nlint throughput: {n/ours:,.0f} documents/s (bare parse: {n/base:,.0f} documents/s)")
PY
} | tee "$work/latest.md"
