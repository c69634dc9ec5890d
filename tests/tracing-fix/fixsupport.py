"""What both test files of the tracing fix share: where the fix and the stand-ins are, the lines the
fix logs, and a fresh interpreter started as the container starts the server (PYTHONPATH set, so
`site` imports the fix's sitecustomize at start-up)."""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIX_DIR = HERE.parents[1] / "templates" / "tracing-fix"
WITH_TRACING = HERE / "standin"
OTHER_SHAPE = HERE / "standin-other-shape"
NO_TRACING = HERE / "standin-no-tracing"
OTEL_API = HERE / "standin-otel-api"
OTEL_SDK = HERE / "standin-otel-sdk"

LOG_PREFIX = "llamastack tracing fix"
APPLIED = LOG_PREFIX + " applied: "
NOT_APPLIED = LOG_PREFIX + " not applied: "
INSTALLED = LOG_PREFIX + " installed a tracer provider: "
NOT_INSTALLED = LOG_PREFIX + " installed no tracer provider: "


def run_python(path_entries, *args, env=None, cwd=HERE):
    """Start a fresh interpreter with PYTHONPATH=<path_entries> (no bytecode written to the repo),
    without the caller's OTEL_* variables (the hook reads them on 0.4 and later) but with `env`."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    base.update(PYTHONPATH=os.pathsep.join(str(p) for p in path_entries), PYTHONDONTWRITEBYTECODE="1")
    base.update(env or {})
    return subprocess.run([sys.executable, *args], env=base, cwd=cwd, capture_output=True, text=True, timeout=60)


def fix_lines(stderr):
    """The lines the fix logged."""
    return [line for line in stderr.splitlines() if line.startswith(LOG_PREFIX)]
