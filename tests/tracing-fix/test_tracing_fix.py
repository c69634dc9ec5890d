"""Tests for templates/tracing-fix/sitecustomize.py, the LlamaStack tracing fix.

Every test starts a real interpreter (sys.executable) with PYTHONPATH set as the container sets it,
so `site` imports the fix at start-up. Instead of llama_stack, the interpreter gets one of the
stand-ins in this folder:
  standin/               the 0.2.23 to 0.3.x tracing module, with both bugs
  standin-other-shape/   a tracing module whose layout the fix does not recognise
  standin-no-tracing/    a llama_stack without the tracing module (0.4 and later)

Run: python3 -m unittest discover -s tests/tracing-fix -t tests/tracing-fix -v
"""

import ast
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIX_DIR = HERE.parents[1] / "templates" / "tracing-fix"
STANDIN = HERE / "standin"
OTHER_SHAPE = HERE / "standin-other-shape"
NO_TRACING = HERE / "standin-no-tracing"
SCENARIOS = HERE / "scenarios.py"

APPLIED = "llamastack tracing fix applied: "
NOT_APPLIED = "llamastack tracing fix not applied: "
TRACING = "llama_stack.providers.utils.telemetry.tracing"


def run_python(path_entries, *args):
    """Start a fresh interpreter with PYTHONPATH=<path_entries> (no bytecode written to the repo)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(str(p) for p in path_entries), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, *args], env=env, cwd=HERE, capture_output=True, text=True, timeout=60)


def fix_lines(stderr):
    return [line for line in stderr.splitlines() if line.startswith("llamastack tracing fix")]


class ScenarioTests(unittest.TestCase):
    """Each scenario must find a bug without the fix and pass with the fix loaded at start-up."""

    def run_scenario(self, path_entries, scenario):
        result = run_python(path_entries, str(SCENARIOS), scenario)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        return json.loads(result.stdout.splitlines()[-1]), result.stderr

    def check(self, scenario):
        without_fix, stderr = self.run_scenario([STANDIN], scenario)
        self.assertEqual(without_fix["verdict"], "buggy", f"the bug went undetected without the fix: {without_fix}")
        self.assertEqual(fix_lines(stderr), [])

        with_fix, stderr = self.run_scenario([FIX_DIR, STANDIN], scenario)
        self.assertEqual(with_fix["verdict"], "correct", "\n".join(with_fix["problems"]))
        lines = fix_lines(stderr)
        self.assertEqual(len(lines), 1, stderr)
        self.assertTrue(lines[0].startswith(APPLIED), lines[0])

    def test_concurrent_requests_under_gather_stay_separate(self):
        self.check("concurrent_requests")

    def test_nested_start_trace_stays_in_the_outer_trace(self):
        self.check("nested_start_trace")

    def test_without_active_trace_start_trace_makes_a_normal_root(self):
        self.check("no_active_trace")

    def test_span_sync_async_and_decorator_forms(self):
        self.check("span_forms")

    def test_threads_with_their_own_traces(self):
        self.check("threads")

    def test_from_import_after_startup_binds_patched_objects(self):
        self.check("from_import_after_startup")


class StartupTests(unittest.TestCase):
    def assert_single_fix_line(self, result, prefix, *fragments):
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = fix_lines(result.stderr)
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith(prefix), lines[0])
        for fragment in fragments:
            self.assertIn(fragment, lines[0])
        self.assertNotIn("Traceback", result.stderr)

    def test_applied_line_appears_once_and_only_on_import(self):
        code = textwrap.dedent(f"""
            import importlib, sys
            print("imported at start-up:", "llama_stack" in sys.modules)
            import {TRACING} as by_import
            from {TRACING} import start_trace
            from llama_stack.providers.utils.telemetry import tracing
            print(start_trace is by_import.start_trace is tracing.start_trace, type(tracing.__loader__).__name__)
        """)
        result = run_python([FIX_DIR, STANDIN], "-c", code)
        self.assert_single_fix_line(result, APPLIED, TRACING, str(STANDIN))
        self.assertEqual(result.stdout.splitlines(), ["imported at start-up: False", "True SourceFileLoader"])

    def test_module_absent_logs_one_line_at_startup(self):
        if importlib.util.find_spec("llama_stack") is not None:
            self.skipTest("a real llama_stack is installed for this interpreter")
        result = run_python([FIX_DIR], "-c", "print('started')")
        self.assert_single_fix_line(result, NOT_APPLIED, "not found")
        self.assertEqual(result.stderr.count("\n"), 1, result.stderr)
        self.assertEqual(result.stdout, "started\n")

    def test_llama_stack_without_tracing_module_logs_one_line_and_runs_no_package_code(self):
        code = "import sys; print('llama_stack' in sys.modules); import llama_stack; print('imported')"
        result = run_python([FIX_DIR, NO_TRACING], "-c", code)
        self.assert_single_fix_line(result, NOT_APPLIED, "not found", "0.4")
        self.assertEqual(result.stdout.splitlines(), ["False", "imported"])

    def test_module_of_another_shape_is_left_alone(self):
        code = textwrap.dedent(f"""
            import json
            from {TRACING} import CURRENT_TRACE_CONTEXT, TraceContext, end_trace, start_trace
            import {TRACING} as tracing
            first = start_trace("a")
            second = TraceContext(None, "b" * 32)
            own_code = [f.__code__.co_filename == tracing.__file__ for f in (start_trace, end_trace, TraceContext.__init__)]
            shared = first.spans is second.spans
            end_trace()
            print(json.dumps({{"own_code": own_code, "shared": shared, "after_end": CURRENT_TRACE_CONTEXT.get()}}))
        """)
        without_fix = run_python([OTHER_SHAPE], "-c", code)
        with_fix = run_python([FIX_DIR, OTHER_SHAPE], "-c", code)
        self.assertEqual(without_fix.returncode, 0, without_fix.stderr)
        self.assert_single_fix_line(with_fix, NOT_APPLIED, "TraceContext.push_span is missing")
        self.assertEqual(with_fix.stdout, without_fix.stdout)
        self.assertEqual(json.loads(with_fix.stdout), {"own_code": [True, True, True], "shared": True, "after_end": None})

    def test_each_unexpected_shape_is_refused_with_one_line(self):
        # Fresh copies of the stand-in, each changed in one way, handed to the fix's patch step
        # (the same function its import hook calls). An unchanged copy is the control.
        code = textwrap.dedent(f"""
            import contextvars, importlib.util, json, sys, sitecustomize
            from io import StringIO
            import {TRACING} as original

            async def no_status(): pass
            def sync_start(name, attributes=None): pass
            async def no_default(status): pass
            def mutations():
                yield "control", lambda m: None
                yield "CURRENT_TRACE_CONTEXT is not a contextvars.ContextVar", lambda m: setattr(m, "CURRENT_TRACE_CONTEXT", None)
                yield "no class-level 'spans' list", lambda m: delattr(m.TraceContext, "spans")
                yield "TraceContext.pop_span is missing", lambda m: delattr(m.TraceContext, "pop_span")
                yield "start_trace is not an async function", lambda m: setattr(m, "start_trace", sync_start)
                yield "end_trace() does not take (status)", lambda m: setattr(m, "end_trace", no_status)
                yield "end_trace() has no default for 'status'", lambda m: setattr(m, "end_trace", no_default)

            results = {{}}
            for index, (expected, mutate) in enumerate(mutations()):
                spec = importlib.util.spec_from_file_location(f"variant{{index}}", original.__file__)
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                mutate(module)
                before = (module.start_trace, module.end_trace, module.TraceContext.__init__)
                sys.stderr, captured = StringIO(), sys.stderr
                try:
                    sitecustomize._patch(module)
                finally:
                    sys.stderr, captured = captured, sys.stderr
                unchanged = before == (module.start_trace, module.end_trace, module.TraceContext.__init__)
                results[expected] = [captured.getvalue().splitlines(), unchanged]
            print(json.dumps(results))
        """)
        result = run_python([FIX_DIR, STANDIN], "-c", code)
        self.assertEqual(result.returncode, 0, result.stderr)
        for expected, (lines, unchanged) in json.loads(result.stdout).items():
            with self.subTest(expected):
                self.assertEqual(len(lines), 1, lines)
                if expected == "control":
                    self.assertTrue(lines[0].startswith(APPLIED), lines[0])
                    self.assertFalse(unchanged)
                else:
                    self.assertTrue(lines[0].startswith(NOT_APPLIED), lines[0])
                    self.assertIn(expected, lines[0])
                    self.assertTrue(unchanged)

    def test_shadowed_sitecustomize_still_runs(self):
        with tempfile.TemporaryDirectory() as other:
            Path(other, "sitecustomize.py").write_text("print('other sitecustomize ran as', __name__)\n")
            code = f"import sitecustomize, {TRACING}; print(sitecustomize.__file__)"
            result = run_python([FIX_DIR, STANDIN, other], "-c", code)
        self.assert_single_fix_line(result, APPLIED)
        self.assertEqual(result.stdout.splitlines(),
                         ["other sitecustomize ran as sitecustomize", str(FIX_DIR / "sitecustomize.py")])

    def test_failing_shadowed_sitecustomize_does_not_stop_startup_or_the_fix(self):
        with tempfile.TemporaryDirectory() as other:
            Path(other, "sitecustomize.py").write_text("raise RuntimeError('boom')\n")
            result = run_python([FIX_DIR, STANDIN, other], "-c", f"import {TRACING}; print('ok')")
        self.assert_single_fix_line(result, APPLIED)
        self.assertIn("Error in sitecustomize", result.stderr)
        self.assertIn("RuntimeError: boom", result.stderr)
        self.assertEqual(result.stdout, "ok\n")

    def test_fix_parses_as_python_3_10(self):
        source = (FIX_DIR / "sitecustomize.py").read_text()
        ast.parse(source, feature_version=(3, 10))


if __name__ == "__main__":
    unittest.main()
