"""A tracing module at the upstream path, but with a layout the fix was not written for.

TraceContext has start_span/end_span instead of push_span/pop_span, and start_trace/end_trace are
sync. The fix must leave this module as it is (class-level `spans` included) and log one line.
"""

import contextvars
import secrets

CURRENT_TRACE_CONTEXT = contextvars.ContextVar("trace_context", default=None)


class TraceContext:
    spans = []

    def __init__(self, logger, trace_id: str):
        self.logger = logger
        self.trace_id = trace_id

    def start_span(self, name: str):
        self.spans.append(name)

    def end_span(self):
        return self.spans.pop()


def start_trace(name: str, attributes: dict = None) -> TraceContext:
    context = TraceContext(None, format(secrets.randbits(128), "032x"))
    context.start_span(name)
    CURRENT_TRACE_CONTEXT.set(context)
    return context


def end_trace():
    context = CURRENT_TRACE_CONTEXT.get()
    if context is not None:
        context.end_span()
        CURRENT_TRACE_CONTEXT.set(None)
