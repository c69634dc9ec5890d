#!/usr/bin/env bash
# Runs every test of the repository: installs the real tools the tests drive (helm, Sarif.Multitool, Graphviz, Mermaid) into .tools/
# when missing, then the C# suite (xunit) and the Python suite of the tracing fix.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
tests/setup-tools.sh
dotnet test Generator.sln
python3 -m unittest discover -s tests/tracing-fix -t tests/tracing-fix
