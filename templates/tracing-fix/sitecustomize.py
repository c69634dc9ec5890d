"""LlamaStack start-up hook, loaded at interpreter start-up as `sitecustomize`.

Put this file's directory on PYTHONPATH (the container mounts it and sets PYTHONPATH to it).
Python's `site` module then imports it in every interpreter. What it does depends on the
LlamaStack generation in the image, which it tells apart by the image itself: whether the
package `llama_stack.providers.utils.telemetry.tracing` exists (looked up as files; no
llama_stack code runs at start-up).

With that tracing module (LlamaStack 0.2.x and 0.3.x, RHOAI 2.22 to 3.2), it patches the module
in memory when it is imported. The installed file is not changed. These releases install their own
tracer provider (0.2.x through the otel_trace sink, 0.3.x whenever OTEL_EXPORTER_OTLP_ENDPOINT is
set), so the hook never touches tracer providers there. It fixes two bugs:

1. `TraceContext.spans` is a class-level list, so all requests, tasks and threads share one span
   stack. Spans get parents from other requests, and a span exit can close another request's
   span. With the fix, each TraceContext has its own list.
2. `start_trace()` inside an active trace starts an unrelated trace, and the matching
   `end_trace()` clears the context, so the outer trace's spans never end. With the fix, a nested
   `start_trace()` opens a child of the current span in the same trace and returns the current
   context (its `.trace_id` is the outer id). The matching `end_trace()` closes only that child.
   With no active trace, both functions run unchanged.

The patch runs right after the module's own code and before the importing statement binds any
names, so `from ... import start_trace` gets the patched objects. If the module does not look as
expected, nothing is patched and one "llamastack tracing fix not applied: ..." line is written to
stderr.

A llama_stack package without the tracing module is LlamaStack 0.4 or later. The module was
removed in 0.4.0; the code makes spans through `opentelemetry.trace.get_tracer()`, but nothing
installs a tracer provider (RHOAI 3.3's 0.4.2 image, whose entrypoint runs the server directly),
so no span is exported. There the hook installs an OpenTelemetry SDK TracerProvider with a
BatchSpanProcessor and the OTLP/HTTP span exporter, all configured from the standard OTEL_*
variables (endpoint, headers, service name, resource attributes, sampler, batch settings), and
logs one "llamastack tracing fix installed a tracer provider: ..." line. It installs none, and
logs one "... installed no tracer provider: <why>" line, when the SDK or the HTTP exporter cannot
be imported, a tracer provider is already set, no OTLP endpoint is set, the protocol asks for
something other than http/protobuf (the image has only the HTTP exporter), OTEL_SDK_DISABLED is
true or OTEL_TRACES_EXPORTER is not otlp. Images that run the server under
`opentelemetry-instrument` (LlamaStack 0.7 and later on RHOAI, the upstream images from 0.4 on,
OGX) put its own sitecustomize first on PYTHONPATH, so this file is not imported by that
interpreter at all.

Why the image and not a variable the generator sets: the module's presence is the image's own
answer, so a wrongly declared release can neither make the hook install a second tracer provider
into 0.3.x nor leave 0.4.x without one. Without any llama_stack package nothing is done and one
"not applied" line is logged.

Start-up never breaks: every failure is caught and logged in one line. A `sitecustomize` further
down sys.path, which this file shadows, still runs.

Several copies of this file may be on sys.path (an image that already carries it, a second mount,
one directory listed under two names). Each copy runs once, in sys.path order, each chaining to the
next `sitecustomize`; only the first installs the import hook or the tracer provider, so the module
is patched once (or one provider installed) and one line is logged.

Standard library only (the OpenTelemetry SDK is imported only where a provider is installed);
Python 3.10 or later.
"""

import importlib.machinery
import importlib.util
import os
import sys
import types

_TARGET = "llama_stack.providers.utils.telemetry.tracing"
_APPLIED = "llamastack tracing fix applied: "
_NOT_APPLIED = "llamastack tracing fix not applied: "
_PROVIDER_INSTALLED = "llamastack tracing fix installed a tracer provider: "
_PROVIDER_NOT_INSTALLED = "llamastack tracing fix installed no tracer provider: "
# The standard OTLP variables, the traces-specific one first (it wins where both are set).
_ENDPOINT_VARIABLES = ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT")
_PROTOCOL_VARIABLES = ("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL")
_HTTP_PROTOBUF = "http/protobuf"
# Number of start_trace() calls nested in a context that have not ended yet. It is stored on the
# TraceContext, so it follows the context into every task, thread or generator that gets the
# context through CURRENT_TRACE_CONTEXT.
_DEPTH_ATTRIBUTE = "_llamastack_tracing_fix_depth"
# Each copy of this file is a module object of its own, so the copies agree through this
# sys.modules entry, which the first copy to run creates.
_SHARED_KEY = "_llamastack_tracing_fix"


def _log(message):
    # Use a plain stderr write so the application's logging configuration is left alone.
    try:
        if sys.stderr is not None:
            sys.stderr.write(message + "\n")
            sys.stderr.flush()
    except Exception:
        pass


def _target_missing():
    """Return (why the tracing module cannot be found, whether the llama_stack package can), or
    None if the module can be found.

    This only looks for files. No llama_stack package code runs: a package `__init__` may have
    side effects, and this file runs in every interpreter.
    """
    top_level, *rest = _TARGET.split(".")
    spec = importlib.util.find_spec(top_level)
    if spec is None:
        return f"module {_TARGET} not found (no {top_level} package on sys.path)", False
    name = top_level
    for part in rest:
        locations = spec.submodule_search_locations
        name = f"{name}.{part}"
        spec = None if locations is None else importlib.machinery.PathFinder.find_spec(name, locations)
        if spec is None:
            return f"module {_TARGET} not found under {list(locations or [])}", True
    return None


def _first_variable(names):
    """Return (name, value) of the first of these environment variables that is set and not
    empty, or (None, None)."""
    for name in names:
        value = os.environ.get(name, "").strip()
        if value:
            return name, value
    return None, None


def _provider_refusal():
    """Return why no tracer provider may be installed, judged from the environment alone (so no
    SDK is imported where none would be installed), or None."""
    if os.environ.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return "OTEL_SDK_DISABLED is true"
    exporter = os.environ.get("OTEL_TRACES_EXPORTER", "").strip().lower()
    if exporter not in ("", "otlp"):
        return f"OTEL_TRACES_EXPORTER is {exporter!r}, and this hook installs only the OTLP exporter"
    if _first_variable(_ENDPOINT_VARIABLES)[0] is None:
        # The SDK would send to localhost:4318, where nothing listens in the server's pod.
        return f"neither {' nor '.join(_ENDPOINT_VARIABLES)} is set"
    variable, protocol = _first_variable(_PROTOCOL_VARIABLES)
    if variable is not None and protocol != _HTTP_PROTOBUF:
        return (
            f"{variable} is {protocol!r}, and this hook exports OTLP over HTTP with protobuf only "
            "(the exporter the image has); set it to http/protobuf and send to an OTLP/HTTP receiver"
        )
    return None


def _traces_url():
    """The URL the OTLP/HTTP span exporter posts to, as it derives it from the environment."""
    variable, value = _first_variable(_ENDPOINT_VARIABLES)
    return value if variable == _ENDPOINT_VARIABLES[0] else value.rstrip("/") + "/v1/traces"


def _install_tracer_provider():
    """LlamaStack 0.4 and later, where nothing installs a tracer provider: install the SDK's,
    configured from the standard OTEL_* variables, unless one is already set."""
    refusal = _provider_refusal()
    if refusal:
        _log(_PROVIDER_NOT_INSTALLED + refusal)
        return
    try:
        # The API, the SDK, then the exporter: the first that is missing is the one named.
        from opentelemetry import trace
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    except ImportError as error:
        _log(f"{_PROVIDER_NOT_INSTALLED}the OpenTelemetry SDK or its OTLP/HTTP span exporter cannot be imported ({error})")
        return
    current = trace.get_tracer_provider()
    if not isinstance(current, trace.ProxyTracerProvider):
        kind = type(current)
        _log(f"{_PROVIDER_NOT_INSTALLED}a tracer provider is already set ({kind.__module__}.{kind.__qualname__})")
        return
    # Each part reads its own standard variables: the resource OTEL_SERVICE_NAME and
    # OTEL_RESOURCE_ATTRIBUTES, the exporter the endpoint, headers and timeout, the processor the
    # OTEL_BSP_* settings, the provider the sampler.
    resource = Resource.create()
    provider = TracerProvider(resource=resource)
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    service = resource.attributes.get("service.name", "?")
    _log(
        f"{_PROVIDER_INSTALLED}OpenTelemetry SDK TracerProvider (service.name {service}) with a "
        f"BatchSpanProcessor and the OTLP/HTTP span exporter to {_traces_url()}"
    )


def _shape_problem(module):
    """Return how the module differs from the layout the patch was written for, or None."""
    import contextvars
    import inspect

    trace_context = getattr(module, "TraceContext", None)
    if not isinstance(trace_context, type):
        return "no TraceContext class"
    if not isinstance(vars(trace_context).get("spans"), list):
        return "TraceContext has no class-level 'spans' list"
    if not isinstance(getattr(module, "CURRENT_TRACE_CONTEXT", None), contextvars.ContextVar):
        return "CURRENT_TRACE_CONTEXT is not a contextvars.ContextVar"
    # (name, object, parameter names, async?). The patch calls these with exactly these arguments.
    expected = (
        ("TraceContext.__init__", trace_context.__init__, ["self", "logger", "trace_id"], False),
        ("TraceContext.push_span", getattr(trace_context, "push_span", None), ["self", "name", "attributes"], False),
        ("TraceContext.pop_span", getattr(trace_context, "pop_span", None), ["self", "status"], False),
        ("TraceContext.get_current_span", getattr(trace_context, "get_current_span", None), ["self"], False),
        ("start_trace", getattr(module, "start_trace", None), ["name", "attributes"], True),
        ("end_trace", getattr(module, "end_trace", None), ["status"], True),
    )
    for name, function, parameters, is_async in expected:
        if not callable(function):
            return f"{name} is missing"
        if inspect.iscoroutinefunction(function) != is_async:
            return f"{name} is {'not ' if is_async else ''}an async function"
        try:
            signature = inspect.signature(function)
        except (TypeError, ValueError):
            return f"{name} has no readable signature"
        if list(signature.parameters) != parameters:
            return f"{name}{signature} does not take ({', '.join(parameters)})"
    for name, parameter in (("start_trace", "attributes"), ("end_trace", "status")):
        if inspect.signature(getattr(module, name)).parameters[parameter].default is inspect.Parameter.empty:
            return f"{name}() has no default for '{parameter}'"
    return None


def _patch(module):
    # Imported here, not at start-up, because most interpreters never import the module.
    import functools
    import inspect
    import threading

    problem = _shape_problem(module)
    if problem:
        _log(f"{_NOT_APPLIED}{_TARGET} at {getattr(module, '__file__', '?')} looks different: {problem}")
        return

    trace_context = module.TraceContext
    current_trace_context = module.CURRENT_TRACE_CONTEXT  # the same object that other modules import
    original_init = trace_context.__init__
    original_start_trace = module.start_trace
    original_end_trace = module.end_trace
    attributes_default = inspect.signature(original_start_trace).parameters["attributes"].default
    status_default = inspect.signature(original_end_trace).parameters["status"].default
    # Threads can share a TraceContext (asyncio.to_thread copies the context), so the depth count
    # must be updated atomically.
    depth_lock = threading.Lock()

    @functools.wraps(original_init)
    def __init__(self, logger, trace_id):
        self.spans = []  # this instance's own stack; it hides the shared class-level list
        original_init(self, logger, trace_id)

    @functools.wraps(original_start_trace)
    async def start_trace(name, attributes=attributes_default):
        context = current_trace_context.get()
        if context is None:
            return await original_start_trace(name, attributes)
        # Nested: stay in the active trace. The child span carries no root markers.
        context.push_span(name, attributes)
        with depth_lock:
            setattr(context, _DEPTH_ATTRIBUTE, getattr(context, _DEPTH_ATTRIBUTE, 0) + 1)
        return context

    @functools.wraps(original_end_trace)
    async def end_trace(status=status_default):
        context = current_trace_context.get()
        with depth_lock:
            depth = getattr(context, _DEPTH_ATTRIBUTE, 0)
            if depth:
                setattr(context, _DEPTH_ATTRIBUTE, depth - 1)
        if not depth:
            return await original_end_trace(status)
        # Close the nested call's child span. The outer trace stays current.
        context.pop_span(status)

    # Everything that can fail has already run, so these assignments cannot leave a partial patch.
    trace_context.__init__ = __init__
    module.start_trace = start_trace
    module.end_trace = end_trace
    _log(
        f"{_APPLIED}{_TARGET} at {getattr(module, '__file__', '?')}: per-instance TraceContext span "
        "stacks; start_trace/end_trace inside an active trace open/close a child span in that trace"
    )


class _PatchingLoader:
    """Runs the real loader, then patches the fresh module before the import statement returns."""

    def __init__(self, loader):
        self._loader = loader

    def __getattr__(self, name):
        # While the module runs, it and other tools see this wrapper as its loader (get_source,
        # get_code, ...).
        return getattr(self._loader, name)

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        try:
            self._loader.exec_module(module)
        finally:
            # Afterwards the module shows the real loader, as it would without this hook.
            module.__loader__ = self._loader
            if getattr(module, "__spec__", None) is not None:
                module.__spec__.loader = self._loader
        try:
            _patch(module)
        except Exception as error:  # the module has loaded, so the import must still succeed
            _log(f"{_NOT_APPLIED}patching {_TARGET} failed: {error!r}")


class _TracingFixFinder:
    """A sys.meta_path entry that only handles the tracing module. It lets the other finders
    locate the module and wraps the loader they return."""

    def __init__(self):
        # Imported here, not at start-up: only interpreters that have the module need it.
        import threading

        # Set while this thread asks the other finders. One of them may delegate through
        # sys.meta_path itself and ask back (another tool's import hook, or an older copy of this
        # file without the shared entry); it then gets None and tries the finders after it instead
        # of recursing. Per thread: code that calls finders directly, outside importlib's lock,
        # may look up the module from another thread meanwhile.
        self._asking = threading.local()

    def find_spec(self, fullname, path=None, target=None):
        if fullname != _TARGET or getattr(self._asking, "active", False):
            return None
        self._asking.active = True
        try:
            spec = self._find_elsewhere(fullname, path, target)
        finally:
            self._asking.active = False
        if spec is None:
            return None
        if spec.loader is None or not hasattr(spec.loader, "exec_module"):
            _log(f"{_NOT_APPLIED}{_TARGET} has an unsupported loader {spec.loader!r}")
            return spec
        spec.loader = _PatchingLoader(spec.loader)
        return spec

    def _find_elsewhere(self, fullname, path, target):
        for finder in sys.meta_path:
            find_spec = getattr(finder, "find_spec", None)
            if finder is self or find_spec is None:
                continue
            spec = find_spec(fullname, path, target)
            if spec is not None:
                return spec
        return None


def _install():
    missing = _target_missing()
    if missing is None:
        sys.meta_path.insert(0, _TracingFixFinder())
        return
    why, package_found = missing
    if not package_found:
        _log(_NOT_APPLIED + why)
        return
    try:
        _install_tracer_provider()
    except Exception as error:  # the SDK misbehaved; the server must still start
        _log(f"{_PROVIDER_NOT_INSTALLED}setting it up failed: {error!r}")


def _shared_state():
    """Return the state every copy of this file shares, and whether this copy created it."""
    fresh = types.ModuleType(_SHARED_KEY, "State shared by every copy of the LlamaStack tracing fix")
    # Real paths of the directories whose sitecustomize has run.
    fresh.sitecustomize_dirs = set()
    shared = sys.modules.setdefault(_SHARED_KEY, fresh)
    return shared, shared is fresh


def _run_shadowed_sitecustomize(ran):
    """Run the first `sitecustomize` on sys.path whose directory is not in `ran`. `site` imports
    only the first one it finds, which is this file. If the next one is a copy of this file, it
    runs the one after it in turn. Comparing real paths keeps a directory listed under two names
    from running twice, which would restart the chain from there and never end."""
    ran.add(os.path.realpath(os.path.dirname(os.path.abspath(__file__))))
    entries = [entry for entry in sys.path if isinstance(entry, str)]
    not_run = [entry for entry in entries if os.path.realpath(entry or os.curdir) not in ran]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", not_run)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as error:
        # Report it in one line, as `site` does for a failing sitecustomize, and keep going.
        _log(f"Error in sitecustomize {spec.origin}: {type(error).__name__}: {error}")


_shared, _first_copy = _shared_state()
if _first_copy:
    try:
        _install()
    except Exception as error:
        _log(f"{_NOT_APPLIED}start-up check failed: {error!r}")

try:
    _run_shadowed_sitecustomize(_shared.sitecustomize_dirs)
except Exception as error:
    _log(f"llamastack tracing fix: could not run the next sitecustomize: {error!r}")
