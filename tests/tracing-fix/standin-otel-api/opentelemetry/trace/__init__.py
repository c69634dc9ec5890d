"""Stand-in for opentelemetry-api's `opentelemetry.trace`, for the start-up hook's tests.

Only the public names the hook and the scenarios use, with the real API's behaviour:
get_tracer_provider() returns a ProxyTracerProvider until a provider is set, set_tracer_provider()
sets one only once (later calls are refused with a warning), and a tracer obtained earlier
delegates to the provider set later. OTEL_PYTHON_TRACER_PROVIDER makes get_tracer_provider() load
and set a provider; the real API reads it as an entry point name, this stand-in as
"module:attribute". Spans of the proxy (no provider set) record nothing, as the real ones.
"""

import contextlib
import importlib
import logging
import os

_logger = logging.getLogger(__name__)


class TracerProvider:
    """The API's abstract provider."""

    def get_tracer(self, instrumenting_module_name, *args, **kwargs):
        raise NotImplementedError


class NonRecordingSpan:
    def is_recording(self):
        return False

    def set_attribute(self, key, value):
        pass

    def end(self):
        pass


class ProxyTracer:
    """Delegates to the global provider's tracer once one is set."""

    def __init__(self, name):
        self._name = name
        self._delegate = None

    @contextlib.contextmanager
    def start_as_current_span(self, name, attributes=None):
        if self._delegate is None and _TRACER_PROVIDER is not None:
            self._delegate = _TRACER_PROVIDER.get_tracer(self._name)
        if self._delegate is None:
            yield NonRecordingSpan()
            return
        with self._delegate.start_as_current_span(name, attributes) as span:
            yield span


class ProxyTracerProvider(TracerProvider):
    def get_tracer(self, instrumenting_module_name, *args, **kwargs):
        if _TRACER_PROVIDER is not None:
            return _TRACER_PROVIDER.get_tracer(instrumenting_module_name)
        return ProxyTracer(instrumenting_module_name)


_TRACER_PROVIDER = None
_PROXY_TRACER_PROVIDER = ProxyTracerProvider()


def set_tracer_provider(tracer_provider):
    global _TRACER_PROVIDER
    if _TRACER_PROVIDER is not None:
        _logger.warning("Overriding of current TracerProvider is not allowed")
        return
    _TRACER_PROVIDER = tracer_provider


def get_tracer_provider():
    if _TRACER_PROVIDER is None:
        configured = os.environ.get("OTEL_PYTHON_TRACER_PROVIDER")
        if not configured:
            return _PROXY_TRACER_PROVIDER
        module, _, attribute = configured.partition(":")
        set_tracer_provider(getattr(importlib.import_module(module), attribute)())
    return _TRACER_PROVIDER


def get_tracer(instrumenting_module_name, *args, **kwargs):
    return get_tracer_provider().get_tracer(instrumenting_module_name)
