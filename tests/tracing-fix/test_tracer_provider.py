"""Tests for the tracer provider the start-up hook (templates/tracing-fix/sitecustomize.py) installs
on LlamaStack 0.4 and later, where nothing else installs one.

The real OpenTelemetry SDK cannot be installed here (PyPI is unreachable), so these tests run the
hook against small stand-ins of the public API it uses, written for these tests:
  standin-otel-api/   opentelemetry.trace: get_tracer_provider, set_tracer_provider,
                      ProxyTracerProvider, get_tracer (a proxy tracer delegates once a provider is
                      set; OTEL_PYTHON_TRACER_PROVIDER names module:attribute, not an entry point)
  standin-otel-sdk/   opentelemetry.sdk.trace TracerProvider, sdk.trace.export BatchSpanProcessor
                      (exports at shutdown rather than from a worker thread), sdk.resources
                      Resource.create (OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES), and
                      exporter.otlp.proto.http.trace_exporter OTLPSpanExporter (endpoint from the
                      standard variables; it POSTs JSON instead of protobuf)
They are two directories because the API and the SDK are separate distributions sharing the
`opentelemetry` namespace package, as in the image; "no SDK" is the API directory alone.

Every test starts a real interpreter with PYTHONPATH set as the container sets it, with the
stand-in llama_stack without the tracing module (0.4 and later) or with it (0.3.x), and a local
HTTP server in place of the collector's OTLP/HTTP receiver, so a span that is exported is seen
arriving there.

Run: python3 -m unittest discover -s tests/tracing-fix -t tests/tracing-fix -v
"""

import http.server
import json
import shutil
import tempfile
import textwrap
import threading
import unittest
from pathlib import Path

from fixsupport import APPLIED, FIX_DIR, INSTALLED, NOT_INSTALLED, NO_TRACING, OTEL_API, OTEL_SDK, WITH_TRACING, fix_lines, run_python

# What LlamaStack 0.4.2's own code does (e.g. core/routers/safety.py): a tracer from the API at
# import time, a span per call. It then reports which provider is global.
SERVER = textwrap.dedent("""
    import json, sys
    from opentelemetry import trace
    tracer = trace.get_tracer("llama_stack.core.routers.safety")
    with tracer.start_as_current_span("run_shield", {"shield_id": "guard"}):
        pass
    provider = trace.get_tracer_provider()
    print(json.dumps({
        "provider": type(provider).__module__ + "." + type(provider).__name__,
        "sdk_imported": "opentelemetry.sdk.trace" in sys.modules,
        "llama_stack_imported": "llama_stack" in sys.modules,
    }))
""")


class Receiver:
    """A local HTTP server standing in for the collector's OTLP/HTTP receiver: it records the path
    and JSON body of every POST and answers 200."""

    def __init__(self):
        self.posts = []
        received = self.posts

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                received.append((self.path, json.loads(body)))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()

    def spans(self):
        return [span for _, batch in self.posts for span in batch]


class TracerProviderTests(unittest.TestCase):
    def run_server(self, path_entries, env):
        result = run_python(path_entries, "-c", SERVER, env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        return json.loads(result.stdout.splitlines()[-1]), fix_lines(result.stderr)

    def assert_one_line(self, lines, prefix, *fragments):
        self.assertEqual(len(lines), 1, lines)
        self.assertTrue(lines[0].startswith(prefix), lines[0])
        for fragment in fragments:
            self.assertIn(fragment, lines[0])

    def test_without_the_hook_no_span_leaves_and_with_it_the_spans_reach_the_endpoint(self):
        with Receiver() as receiver:
            env = {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url, "OTEL_SERVICE_NAME": "llamastack"}
            without_hook, lines = self.run_server([NO_TRACING, OTEL_API, OTEL_SDK], env)
            self.assertEqual(lines, [])
            self.assertEqual(without_hook["provider"], "opentelemetry.trace.ProxyTracerProvider")
            self.assertEqual(receiver.posts, [], "the stand-in server exported spans without any provider")

            with_hook, lines = self.run_server([FIX_DIR, NO_TRACING, OTEL_API, OTEL_SDK], env)

        self.assert_one_line(lines, INSTALLED, "service.name llamastack", f"{receiver.url}/v1/traces", "BatchSpanProcessor")
        self.assertEqual(with_hook["provider"], "opentelemetry.sdk.trace.TracerProvider")
        self.assertFalse(with_hook["llama_stack_imported"])
        self.assertEqual([path for path, _ in receiver.posts], ["/v1/traces"])
        self.assertEqual(receiver.spans(), [{
            "name": "run_shield",
            "scope": "llama_stack.core.routers.safety",
            "attributes": {"shield_id": "guard"},
            "resource": {"service.name": "llamastack"},
        }])

    def test_the_traces_endpoint_and_resource_attributes_are_read_as_the_sdk_reads_them(self):
        with Receiver() as receiver:
            env = {
                "OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:9/unused",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": f"{receiver.url}/custom/traces",
                "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf",
                "OTEL_RESOURCE_ATTRIBUTES": "deployment.environment=test",
            }
            _, lines = self.run_server([FIX_DIR, NO_TRACING, OTEL_API, OTEL_SDK], env)

        self.assert_one_line(lines, INSTALLED, "service.name unknown_service", f"{receiver.url}/custom/traces")
        self.assertEqual([path for path, _ in receiver.posts], ["/custom/traces"])
        self.assertEqual(receiver.spans()[0]["resource"], {"service.name": "unknown_service", "deployment.environment": "test"})

    def test_a_provider_already_set_is_left_alone(self):
        with tempfile.TemporaryDirectory() as other, Receiver() as receiver:
            Path(other, "own_provider.py").write_text(textwrap.dedent("""
                import contextlib
                from opentelemetry import trace

                class OwnTracer:
                    @contextlib.contextmanager
                    def start_as_current_span(self, name, attributes=None):
                        yield trace.NonRecordingSpan()

                class OwnProvider(trace.TracerProvider):
                    def get_tracer(self, name, *args, **kwargs):
                        return OwnTracer()
            """))
            env = {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url, "OTEL_PYTHON_TRACER_PROVIDER": "own_provider:OwnProvider"}
            report, lines = self.run_server([FIX_DIR, NO_TRACING, OTEL_API, OTEL_SDK, other], env)

        self.assert_one_line(lines, NOT_INSTALLED, "a tracer provider is already set (own_provider.OwnProvider)")
        self.assertEqual(report["provider"], "own_provider.OwnProvider")
        self.assertEqual(receiver.posts, [])

    def test_reasons_not_to_install_one_line_each_and_start_up_goes_on(self):
        cases = {
            "no endpoint": ({}, "neither OTEL_EXPORTER_OTLP_TRACES_ENDPOINT nor OTEL_EXPORTER_OTLP_ENDPOINT is set"),
            "grpc": ({"OTEL_EXPORTER_OTLP_PROTOCOL": "grpc"}, "OTEL_EXPORTER_OTLP_PROTOCOL is 'grpc'"),
            "traces protocol wins": ({"OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL": "http/json"},
                                     "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL is 'http/json'"),
            "sdk disabled": ({"OTEL_SDK_DISABLED": "true"}, "OTEL_SDK_DISABLED is true"),
            "exporter none": ({"OTEL_TRACES_EXPORTER": "none"}, "OTEL_TRACES_EXPORTER is 'none'"),
        }
        with Receiver() as receiver:
            for name, (extra, reason) in cases.items():
                with self.subTest(name):
                    env = dict(extra) if name == "no endpoint" else {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url, **extra}
                    report, lines = self.run_server([FIX_DIR, NO_TRACING, OTEL_API, OTEL_SDK], env)
                    self.assert_one_line(lines, NOT_INSTALLED, reason)
                    self.assertEqual(report["provider"], "opentelemetry.trace.ProxyTracerProvider")
                    # Judged from the environment: the SDK is not even imported.
                    self.assertFalse(report["sdk_imported"])
            self.assertEqual(receiver.posts, [])

    def test_without_the_sdk_one_line_says_so(self):
        report, lines = self.run_server([FIX_DIR, NO_TRACING, OTEL_API], {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:9"})

        self.assert_one_line(lines, NOT_INSTALLED, "cannot be imported", "No module named 'opentelemetry.sdk'")
        self.assertEqual(report["provider"], "opentelemetry.trace.ProxyTracerProvider")

    def test_a_failing_exporter_does_not_break_start_up(self):
        with tempfile.TemporaryDirectory() as broken:
            exporter = Path(broken, "opentelemetry", "exporter", "otlp", "proto", "http", "trace_exporter")
            exporter.mkdir(parents=True)
            (exporter / "__init__.py").write_text(textwrap.dedent("""
                class OTLPSpanExporter:
                    def __init__(self):
                        raise RuntimeError("no certificate")
            """))
            report, lines = self.run_server([FIX_DIR, NO_TRACING, broken, OTEL_API, OTEL_SDK], {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:9"})

        self.assert_one_line(lines, NOT_INSTALLED, "setting it up failed", "no certificate")
        self.assertEqual(report["provider"], "opentelemetry.trace.ProxyTracerProvider")

    def test_with_the_tracing_module_0_3_x_gets_the_fix_and_no_provider(self):
        # 0.3.x installs its own provider when its telemetry adapter starts; the hook must not get there first.
        with Receiver() as receiver:
            code = SERVER + "import llama_stack.providers.utils.telemetry.tracing\n"
            result = run_python([FIX_DIR, WITH_TRACING, OTEL_API, OTEL_SDK], "-c", code, env={"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url})

        self.assertEqual(result.returncode, 0, result.stderr)
        lines = fix_lines(result.stderr)
        self.assert_one_line(lines, APPLIED)
        self.assertEqual(json.loads(result.stdout.splitlines()[0])["provider"], "opentelemetry.trace.ProxyTracerProvider")
        self.assertEqual(receiver.posts, [])

    def test_no_llama_stack_package_installs_nothing(self):
        report, lines = self.run_server([FIX_DIR, OTEL_API, OTEL_SDK], {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:9"})

        self.assertEqual(len(lines), 1, lines)
        self.assertIn("not applied", lines[0])
        self.assertEqual(report["provider"], "opentelemetry.trace.ProxyTracerProvider")


class SeveralCopiesTests(unittest.TestCase):
    def setUp(self):
        temporary = tempfile.TemporaryDirectory()
        self.addCleanup(temporary.cleanup)
        self.tmp = Path(temporary.name).resolve()

    def copy_fix(self, name):
        directory = self.tmp / name
        directory.mkdir()
        shutil.copy(FIX_DIR / "sitecustomize.py", directory)
        return directory

    def test_two_copies_and_a_shadowed_sitecustomize_install_one_provider(self):
        mounted, image, other = self.copy_fix("mounted"), self.copy_fix("image"), self.tmp / "other"
        other.mkdir()
        (other / "sitecustomize.py").write_text("print('other sitecustomize ran')\n")
        with Receiver() as receiver:
            result = run_python([mounted, image, NO_TRACING, OTEL_API, OTEL_SDK, other], "-c", SERVER, env={"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url})

        self.assertEqual(result.returncode, 0, result.stderr)
        lines = fix_lines(result.stderr)
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith(INSTALLED), lines[0])
        self.assertEqual(result.stdout.splitlines()[0], "other sitecustomize ran")
        # One provider, one processor: the span arrives once.
        self.assertEqual([span["name"] for span in receiver.spans()], ["run_shield"])


if __name__ == "__main__":
    unittest.main()
