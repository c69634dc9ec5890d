"""Stand-in for `llama_stack/providers/utils/telemetry/tracing.py` (LlamaStack 0.2.23 to 0.3.x).

It is written from the facts sheet, not copied from upstream. The public names, signatures and
async-ness match upstream, and so do both bugs the fix targets:

* bug 1: `TraceContext.spans` is a class-level list, so all contexts share one span stack;
* bug 2: `start_trace` always makes a new trace id and context and overwrites
  CURRENT_TRACE_CONTEXT without keeping the old value. `end_trace` pops one span and then sets
  the variable to None.

Simplified: BackgroundLogger stores events in memory (`.events`) instead of sending them to the
telemetry API from a worker thread. `setup_logger` does not attach a handler to the root logger,
and TelemetryHandler/severity are left out.
"""

import contextvars
import inspect
import logging
import secrets
import threading
from datetime import datetime, timezone
from functools import wraps
from typing import Any, Callable

from llama_stack.apis.telemetry import (
    Span,
    SpanEndPayload,
    SpanStartPayload,
    SpanStatus,
    StructuredLogEvent,
    Telemetry,
)

logger = logging.getLogger("llama_stack.core")

INVALID_SPAN_ID = 0
INVALID_TRACE_ID = 0

ROOT_SPAN_MARKERS = ["__root__", "__root_span__"]
LOCAL_ROOT_SPAN_MARKER = "__local_root_span__"


def trace_id_to_str(trace_id: int) -> str:
    return format(trace_id, "032x")


def span_id_to_str(span_id: int) -> str:
    return format(span_id, "016x")


def _nonzero_random_bits(bits: int) -> int:
    value = 0
    while value == 0:
        value = secrets.randbits(bits)
    return value


def generate_span_id() -> str:
    return span_id_to_str(_nonzero_random_bits(64))


def generate_trace_id() -> str:
    return trace_id_to_str(_nonzero_random_bits(128))


CURRENT_TRACE_CONTEXT = contextvars.ContextVar("trace_context", default=None)
BACKGROUND_LOGGER = None

LOG_QUEUE_FULL_LOG_INTERVAL_SECONDS = 60.0


class BackgroundLogger:
    """Records every event in `self.events`, in order. Safe to call from several threads."""

    def __init__(self, api: Telemetry, capacity: int = 100000):
        self.api = api
        self.capacity = capacity
        self.events = []
        self._lock = threading.Lock()

    def log_event(self, event):
        with self._lock:
            self.events.append(event)


def enqueue_event(event) -> None:
    if BACKGROUND_LOGGER is None:
        raise RuntimeError("Telemetry API not initialized")
    BACKGROUND_LOGGER.log_event(event)


class TraceContext:
    spans: list[Span] = []  # bug 1: one list for every instance

    def __init__(self, logger: BackgroundLogger, trace_id: str):
        self.logger = logger
        self.trace_id = trace_id

    def push_span(self, name: str, attributes: dict = None) -> Span:
        current = self.get_current_span()
        span = Span(
            span_id=generate_span_id(),
            trace_id=self.trace_id,
            name=name,
            start_time=datetime.now(timezone.utc),
            parent_span_id=current.span_id if current else None,
            attributes=attributes,
        )
        self.logger.log_event(
            StructuredLogEvent(
                trace_id=span.trace_id,
                span_id=span.span_id,
                timestamp=span.start_time,
                attributes=span.attributes,
                payload=SpanStartPayload(name=name, parent_span_id=span.parent_span_id),
            )
        )
        self.spans.append(span)
        return span

    def pop_span(self, status: SpanStatus = SpanStatus.OK):
        span = self.spans.pop()  # IndexError on an empty stack, as upstream
        self.logger.log_event(
            StructuredLogEvent(
                trace_id=span.trace_id,
                span_id=span.span_id,
                timestamp=span.start_time,  # upstream never records an end time
                attributes=span.attributes,
                payload=SpanEndPayload(status=status),
            )
        )

    def get_current_span(self):
        return self.spans[-1] if self.spans else None


def setup_logger(api: Telemetry, level: int = logging.INFO):
    global BACKGROUND_LOGGER
    if BACKGROUND_LOGGER is None:
        BACKGROUND_LOGGER = BackgroundLogger(api)


async def start_trace(name: str, attributes: dict = None) -> TraceContext:
    if BACKGROUND_LOGGER is None:
        logger.debug("No Telemetry implementation set. Skipping trace initialization...")
        return None
    # bug 2: the current context is never consulted.
    context = TraceContext(BACKGROUND_LOGGER, generate_trace_id())
    root_attributes = {marker: True for marker in ROOT_SPAN_MARKERS}
    root_attributes[LOCAL_ROOT_SPAN_MARKER] = True
    root_attributes.update(attributes or {})
    context.push_span(name, root_attributes)
    CURRENT_TRACE_CONTEXT.set(context)
    return context


async def end_trace(status: SpanStatus = SpanStatus.OK):
    context = CURRENT_TRACE_CONTEXT.get()
    if context is None:
        logger.debug("No trace context to end")
        return
    context.pop_span(status)
    CURRENT_TRACE_CONTEXT.set(None)  # bug 2: also drops an outer context


def _serialize_value(value: Any) -> str:
    # Upstream's serialize_value always returns a str, and None becomes "".
    return "" if value is None else str(value)


class SpanContextManager:
    def __init__(self, name: str, attributes: dict = None):
        self.name = name
        self.attributes = attributes
        self.span = None

    def _enter(self):
        context = CURRENT_TRACE_CONTEXT.get()
        if context is None:
            logger.debug("No trace context; span %s is a no-op", self.name)
            return self
        self.span = context.push_span(self.name, self.attributes)
        return self

    def _exit(self):
        context = CURRENT_TRACE_CONTEXT.get()
        if context is not None:
            context.pop_span()  # pops the top of the stack, even while an exception propagates

    def __enter__(self):
        return self._enter()

    def __exit__(self, exc_type, exc_value, traceback):
        self._exit()

    async def __aenter__(self):
        return self._enter()

    async def __aexit__(self, exc_type, exc_value, traceback):
        self._exit()

    def set_attribute(self, key: str, value: Any):
        if self.span:
            if self.span.attributes is None:
                self.span.attributes = {}
            self.span.attributes[key] = _serialize_value(value)

    def __call__(self, func: Callable):
        # The same manager instance is reused for every call, as upstream.
        @wraps(func)
        def sync_wrapper(*args, **kwargs):
            with self:
                return func(*args, **kwargs)

        @wraps(func)
        async def async_wrapper(*args, **kwargs):
            async with self:
                return await func(*args, **kwargs)

        @wraps(func)
        def wrapper(*args, **kwargs):
            if inspect.iscoroutinefunction(func):
                return async_wrapper(*args, **kwargs)
            return sync_wrapper(*args, **kwargs)

        return wrapper


def span(name: str, attributes: dict = None) -> SpanContextManager:
    return SpanContextManager(name, attributes)


def get_current_span() -> Span | None:
    context = CURRENT_TRACE_CONTEXT.get()
    return context.get_current_span() if context is not None else None
