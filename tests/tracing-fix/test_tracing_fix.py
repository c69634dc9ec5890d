"""Tests for templates/tracing-fix/sitecustomize.py, the LlamaStack tracing fix.

Every test starts a real interpreter (sys.executable) with PYTHONPATH set as the container sets it,
so `site` imports the fix at start-up. Instead of llama_stack, the interpreter gets one of the
stand-ins in this folder:
  standin/               the 0.2.23 to 0.3.x tracing module, with both bugs
  standin-other-shape/   a tracing module whose layout the fix does not recognise
  standin-no-tracing/    a llama_stack without the tracing module (0.4 and later), where the hook
                         installs a tracer provider instead (test_tracer_provider.py)

Run: python3 -m unittest discover -s tests/tracing-fix -t tests/tracing-fix -v
"""

import ast
import importlib.util
import json
import shutil
import tempfile
import textwrap
import unittest
from pathlib import Path

from fixsupport import APPLIED, FIX_DIR, HERE, NOT_APPLIED, NOT_INSTALLED, NO_TRACING, OTHER_SHAPE, WITH_TRACING, fix_lines, run_python

SCENARIOS = HERE / "scenarios.py"
TRACING = "llama_stack.providers.utils.telemetry.tracing"


class ScenarioTests(unittest.TestCase):
    """Each scenario must find a bug without the fix and pass with the fix loaded at start-up."""

    def run_scenario(self, path_entries, scenario):
        result = run_python(path_entries, str(SCENARIOS), scenario)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        return json.loads(result.stdout.splitlines()[-1]), result.stderr

    def check(self, scenario):
        without_fix, stderr = self.run_scenario([WITH_TRACING], scenario)
        self.assertEqual(without_fix["verdict"], "buggy", f"the bug went undetected without the fix: {without_fix}")
        self.assertEqual(fix_lines(stderr), [])

        with_fix, stderr = self.run_scenario([FIX_DIR, WITH_TRACING], scenario)
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
        result = run_python([FIX_DIR, WITH_TRACING], "-c", code)
        self.assert_single_fix_line(result, APPLIED, TRACING, str(WITH_TRACING))
        self.assertEqual(result.stdout.splitlines(), ["imported at start-up: False", "True SourceFileLoader"])

    def test_module_absent_logs_one_line_at_startup(self):
        if importlib.util.find_spec("llama_stack") is not None:
            self.skipTest("a real llama_stack is installed for this interpreter")
        result = run_python([FIX_DIR], "-c", "print('started')")
        self.assert_single_fix_line(result, NOT_APPLIED, "not found")
        self.assertEqual(result.stderr.count("\n"), 1, result.stderr)
        self.assertEqual(result.stdout, "started\n")

    def test_llama_stack_without_tracing_module_patches_nothing_logs_one_line_and_runs_no_package_code(self):
        # 0.4 and later: the hook turns to the tracer provider, which needs an OTLP endpoint.
        code = "import sys; print('llama_stack' in sys.modules); import llama_stack; print('imported')"
        result = run_python([FIX_DIR, NO_TRACING], "-c", code)
        self.assert_single_fix_line(result, NOT_INSTALLED, "OTEL_EXPORTER_OTLP_ENDPOINT is set")
        self.assertNotIn(APPLIED, result.stderr)
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
        result = run_python([FIX_DIR, WITH_TRACING], "-c", code)
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
            result = run_python([FIX_DIR, WITH_TRACING, other], "-c", code)
        self.assert_single_fix_line(result, APPLIED)
        self.assertEqual(result.stdout.splitlines(),
                         ["other sitecustomize ran as sitecustomize", str(FIX_DIR / "sitecustomize.py")])

    def test_failing_shadowed_sitecustomize_does_not_stop_startup_or_the_fix(self):
        with tempfile.TemporaryDirectory() as other:
            Path(other, "sitecustomize.py").write_text("raise RuntimeError('boom')\n")
            result = run_python([FIX_DIR, WITH_TRACING, other], "-c", f"import {TRACING}; print('ok')")
        self.assert_single_fix_line(result, APPLIED)
        self.assertIn("Error in sitecustomize", result.stderr)
        self.assertIn("RuntimeError: boom", result.stderr)
        self.assertEqual(result.stdout, "ok\n")

    def test_fix_parses_as_python_3_10(self):
        source = (FIX_DIR / "sitecustomize.py").read_text()
        ast.parse(source, feature_version=(3, 10))


class SeveralCopiesTests(unittest.TestCase):
    """Several copies of the fix on sys.path: the mounted fix and the same file further down (an image
    that already carries it, a second mount), or one directory listed under two names. The copies
    live in a temporary directory; each is the fix file as it is in the repo."""

    # Prints how the module came out: how many wrappers each patched function has and whether the
    # innermost one is the module's own code, how many fix finders are installed, the loader the
    # module shows, and which copy `site` imported.
    PATCH_REPORT = textwrap.dedent(f"""
        import json, sys, sitecustomize
        import {TRACING} as tracing

        def wrappers(function):
            layers = 0
            while hasattr(function, "__wrapped__"):
                function, layers = function.__wrapped__, layers + 1
            return [layers, function.__code__.co_filename == tracing.__file__]

        print(json.dumps({{
            "wrappers": [wrappers(f) for f in (tracing.start_trace, tracing.end_trace, tracing.TraceContext.__init__)],
            "finders": sum(type(finder).__name__ == "_TracingFixFinder" for finder in sys.meta_path),
            "loader": type(tracing.__loader__).__name__,
            "sitecustomize": sitecustomize.__file__,
        }}))
    """)
    OTHER_RAN = "other sitecustomize ran as sitecustomize"

    def setUp(self):
        temporary = tempfile.TemporaryDirectory()
        self.addCleanup(temporary.cleanup)
        # Resolved, so that the paths `site` derives from the working directory compare equal.
        self.tmp = Path(temporary.name).resolve()

    def copy_fix(self, name):
        directory = self.tmp / name
        directory.mkdir()
        shutil.copy(FIX_DIR / "sitecustomize.py", directory)
        return directory

    def other_sitecustomize(self, source="print('other sitecustomize ran as', __name__)\n"):
        directory = self.tmp / "other"
        directory.mkdir()
        (directory / "sitecustomize.py").write_text(source)
        return directory

    def assert_patched_once(self, path_entries, first_copy, cwd=HERE):
        """Import the module and run a scenario under this PYTHONPATH; return the import's result."""
        result = run_python(path_entries, "-c", self.PATCH_REPORT, cwd=cwd)
        self.assertEqual(result.returncode, 0, result.stderr)
        # The fix catches its own start-up errors and logs them, so look for them in the log too.
        self.assertNotIn("Traceback", result.stderr)
        self.assertNotIn("RecursionError", result.stderr)
        lines = fix_lines(result.stderr)
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith(APPLIED), lines[0])
        self.assertEqual(json.loads(result.stdout.splitlines()[-1]), {
            "wrappers": [[1, True]] * 3,
            "finders": 1,
            "loader": "SourceFileLoader",
            "sitecustomize": str(first_copy / "sitecustomize.py"),
        })

        scenario = run_python(path_entries, str(SCENARIOS), "nested_start_trace", cwd=cwd)
        self.assertEqual(scenario.returncode, 0, scenario.stderr)
        verdict = json.loads(scenario.stdout.splitlines()[-1])
        self.assertEqual(verdict["verdict"], "correct", "\n".join(verdict["problems"]))
        self.assertEqual(len(fix_lines(scenario.stderr)), 1, scenario.stderr)
        return result

    def test_two_copies_in_two_directories(self):
        mounted, image = self.copy_fix("mounted"), self.copy_fix("image")
        self.assert_patched_once([mounted, WITH_TRACING, image], mounted)

    def test_three_copies(self):
        copies = [self.copy_fix(name) for name in ("mounted", "second-mount", "image")]
        self.assert_patched_once([copies[0], copies[1], WITH_TRACING, copies[2]], copies[0])

    def test_one_directory_listed_twice_via_a_symlink(self):
        # With a single copy, the chain already skipped the second name. With the image's copy
        # between the two names, that copy reaches the first directory again under its second name.
        fix, image = self.copy_fix("fix"), self.copy_fix("image")
        alias = self.tmp / "alias"
        alias.symlink_to(fix, target_is_directory=True)
        for name, path_entries, first_copy in (
            ("symlink first, directory further down", [alias, WITH_TRACING, fix], alias),
            ("directory first, symlink further down", [fix, WITH_TRACING, alias], fix),
            ("another copy between the two names", [fix, image, alias, WITH_TRACING], fix),
        ):
            with self.subTest(name):
                self.assert_patched_once(path_entries, first_copy)

    def test_one_directory_listed_twice_as_relative_and_absolute_path(self):
        # `site` makes sys.path entries absolute and drops duplicates before any sitecustomize
        # runs; this checks the whole start-up with such a PYTHONPATH.
        fix, image = self.copy_fix("fix"), self.copy_fix("image")
        for name, path_entries in (
            ("relative first", ["fix", WITH_TRACING, fix]),
            ("absolute first", [fix, WITH_TRACING, "fix"]),
            ("another copy between the two names", [fix, image, "fix", WITH_TRACING]),
        ):
            with self.subTest(name):
                self.assert_patched_once(path_entries, fix, cwd=self.tmp)

    def test_two_copies_and_a_shadowed_sitecustomize_that_runs_once(self):
        mounted, image, other = self.copy_fix("mounted"), self.copy_fix("image"), self.other_sitecustomize()
        result = self.assert_patched_once([mounted, image, WITH_TRACING, other], mounted)
        self.assertEqual(result.stdout.splitlines()[:-1], [self.OTHER_RAN])

    def test_copies_without_the_module_log_one_line(self):
        mounted, image = self.copy_fix("mounted"), self.copy_fix("image")
        result = run_python([mounted, image, NO_TRACING], "-c", "print('started')")
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = fix_lines(result.stderr)
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith(NOT_INSTALLED), lines[0])
        self.assertEqual(result.stdout, "started\n")

    def test_a_finder_that_asks_the_fix_back_does_not_recurse(self):
        # Another tool's import hook, installed by the image's sitecustomize in front of the fix's
        # finder, that asks every other finder in sys.meta_path, as the fix's finder does.
        other = self.other_sitecustomize(textwrap.dedent("""
            import sys

            class Delegating:
                def find_spec(self, fullname, path=None, target=None):
                    for finder in sys.meta_path:
                        if finder is not self and hasattr(finder, "find_spec"):
                            spec = finder.find_spec(fullname, path, target)
                            if spec is not None:
                                return spec
                    return None

            sys.meta_path.insert(0, Delegating())
        """))
        fix = self.copy_fix("fix")
        self.assert_patched_once([fix, WITH_TRACING, other], fix)


if __name__ == "__main__":
    unittest.main()
