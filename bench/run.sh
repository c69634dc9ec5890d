#!/usr/bin/env bash
# Benchmarks the tool users get against helm, side by side on this machine, and prints the ratios. The tool is installed
# the two ways users install it, from a git repository holding this working tree and nothing beside it:
#   hook     the real pre-commit client installs the llamastack-tracing-lint hook (dotnet pack + dotnet tool install)
#   install  the README's install command (dotnet pack, then dotnet tool install from the packed folder)
# Measured, each pair in one hyperfine run:
#   1. lint of one file through the hook (pre-commit run --files)   vs  helm lint of the rendered chart
#   2. lint of one file, the installed executable                     vs  helm lint of the rendered chart
#   3. render of the defaults, the installed executable              vs  helm template of the rendered chart
#   4. lint of a generated corpus of 10,000 documents                  vs  a bare YamlDotNet parse of the same corpus
#   5. peak memory (max RSS) of each command
# Needs hyperfine and GNU time (Debian packages; installed here when missing) and the tools of tests/setup-tools.sh.
# Results: bench/results/latest.md (and the raw hyperfine JSON beside it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="$root/bench/results"
rm -rf "$work"
mkdir -p "$work"

if ! command -v hyperfine >/dev/null || [ ! -x /usr/bin/time ]; then
  echo "bench: installing hyperfine and time from Debian packages" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq hyperfine time >/dev/null
fi
tests/setup-tools.sh
helm="$root/.tools/bin/helm"
pre_commit="$root/.tools/bin/pre-commit"
export PRE_COMMIT_HOME="$work/pre-commit-home" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com

echo "bench: copying the working tree into a git repository with nothing beside it" >&2
source_repo="$work/clone/generator"
mkdir -p "$source_repo"
git ls-files --cached --others --exclude-standard -z | sort -zu | while IFS= read -r -d '' file; do
  [ -f "$file" ] && install -D -m "$(stat -c %a "$file")" "$file" "$source_repo/$file"
done
git -C "$source_repo" init -q && git -C "$source_repo" add -A && git -C "$source_repo" commit -qm "bench"
rev="$(git -C "$source_repo" rev-parse HEAD)"

echo "bench: installing the hook with the real pre-commit client" >&2
user_repo="$work/user"
mkdir -p "$user_repo"
git -C "$user_repo" init -q
printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: llamastack-tracing-lint\n' "$source_repo" "$rev" > "$user_repo/.pre-commit-config.yaml"
(cd "$user_repo" && "$pre_commit" install-hooks >&2)
hook_bin="$(find "$PRE_COMMIT_HOME" -name llamastack-tracing -path '*/bin/*' | head -n 1)"

echo "bench: installing the tool with the README's install command" >&2
(cd "$source_repo" && dotnet pack -c Release -o "$work/pack" >/dev/null \
  && dotnet tool install --tool-path "$work/tool" --add-source "$work/pack" LlamaStackTracing.Generator >/dev/null)
tool="$work/tool/llamastack-tracing"
if cmp -s "$(readlink -f "$hook_bin")" "$(readlink -f "$tool")"; then same_binary="byte-identical"; else same_binary="built alike, not byte-identical"; fi

echo "bench: publishing the bench tools (corpus generator, bare YamlDotNet parse) with NativeAOT" >&2
dotnet publish bench/Bench.Tools -c Release -r linux-x64 -p:PublishAot=true -o "$work/bin/bench-tools" >/dev/null
tools="$work/bin/bench-tools/bench-tools"

corpus="$root/bench/corpus"
"$tools" corpus "$corpus" --documents 10000 >&2
"$tool" render --out "$work/render-out" >/dev/null
# The installed tool must render exactly what the committed out/ holds.
diff -r "$root/out" "$work/render-out" >&2 || { echo "bench: the installed tool renders differently from out/" >&2; exit 1; }
chart="$work/render-out/chart/llamastack-tracing"
one_file="manifests/otel-collector.yaml"
cp -r "$work/render-out/manifests" "$user_repo/manifests"
git -C "$user_repo" add -A
apis=(--api-versions tempo.grafana.com/v1alpha1/TempoMonolithic --api-versions llamastack.io/v1alpha1/LlamaStackDistribution)

bench() { # name, then the two commands (ours first)
  local name="$1"; shift
  (cd "$user_repo" && hyperfine -N --warmup 3 --min-runs "${RUNS:-20}" --export-json "$work/$name.json" -n ours "$1" -n baseline "$2" >&2)
}
hook_cmd="$pre_commit run llamastack-tracing-lint --files $one_file"
bench lint-hook "$hook_cmd" "$helm lint $chart"
bench lint-one-file "$tool lint $one_file" "$helm lint $chart"
bench render "$tool render --out $work/bench-render" "$helm template t $chart ${apis[*]}"
RUNS=5 bench lint-corpus "$tool lint --severity error $corpus" "$tools parse $corpus"

median() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(r[int(sys.argv[2])]['median'])" "$1" "$2"; }
rss() { (cd "$user_repo" && /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1); }
row() { # name, ours command, baseline command, description
  local ours base
  ours=$(median "$work/$1.json" 0); base=$(median "$work/$1.json" 1)
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
  echo "Tools: $($helm version --short), $("$pre_commit" --version), $(hyperfine --version), .NET $(dotnet --version)"
  echo "Installed: the hook's executable and the README install's executable are $same_binary ($(file -b "$(readlink -f "$tool")" | cut -d, -f1-2))."
  echo
  echo "| benchmark | ours vs baseline | ours (median) | baseline (median) | ratio ours/baseline | ours peak RSS | baseline peak RSS |"
  echo "|---|---|---|---|---|---|---|"
  row lint-hook "$hook_cmd" "$helm lint $chart" "lint of one file through pre-commit (client overhead included) vs helm lint"
  row lint-one-file "$tool lint $one_file" "$helm lint $chart" "lint of one file (installed executable) vs helm lint"
  row render "$tool render --out $work/bench-render" "$helm template t $chart ${apis[*]}" "render (defaults; validates and lints what it writes) vs helm template"
  row lint-corpus "$tool lint --severity error $corpus" "$tools parse $corpus" "lint of $documents documents vs bare YamlDotNet parse"
  python3 - "$documents" "$(median "$work/lint-corpus.json" 0)" "$(median "$work/lint-corpus.json" 1)" <<'PY'
import sys
n, ours, base = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"\nlint throughput: {n/ours:,.0f} documents/s (bare parse: {n/base:,.0f} documents/s)")
PY
} | tee "$work/latest.md"
