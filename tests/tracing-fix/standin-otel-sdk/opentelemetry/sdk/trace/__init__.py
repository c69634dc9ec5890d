"""Stand-in for opentelemetry-sdk's `opentelemetry.sdk.trace`: a TracerProvider whose tracers make
recording spans and hand each ended span to the span processors; it shuts them down at exit (the
real one's shutdown_on_exit)."""

import atexit
import contextlib
import time

from opentelemetry import trace
from opentelemetry.sdk.resources import Resource


class ReadableSpan:
    def __init__(self, name, attributes, resource, scope):
        self.name = name
        self.attributes = dict(attributes or {})
        self.resource = resource
        self.instrumentation_scope = scope
        self.start_time = time.time_ns()
        self.end_time = None

    def is_recording(self):
        return self.end_time is None

    def set_attribute(self, key, value):
        self.attributes[key] = value


class Tracer:
    def __init__(self, provider, name):
        self._provider = provider
        self._name = name

    @contextlib.contextmanager
    def start_as_current_span(self, name, attributes=None):
        span = ReadableSpan(name, attributes, self._provider.resource, self._name)
        try:
            yield span
        finally:
            span.end_time = time.time_ns()
            for processor in self._provider.processors:
                processor.on_end(span)


class TracerProvider(trace.TracerProvider):
    def __init__(self, resource=None):
        self.resource = resource if resource is not None else Resource.create()
        self.processors = []
        atexit.register(self.shutdown)

    def add_span_processor(self, span_processor):
        self.processors.append(span_processor)

    def get_tracer(self, instrumenting_module_name, *args, **kwargs):
        return Tracer(self, instrumenting_module_name)

    def shutdown(self):
        for processor in self.processors:
            processor.shutdown()
