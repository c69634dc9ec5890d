"""Stand-in for opentelemetry-sdk's `opentelemetry.sdk.trace.export`: a BatchSpanProcessor that
queues ended spans and exports them when it is shut down (the real one also exports from a worker
thread on a schedule; at exit both have exported everything)."""


class BatchSpanProcessor:
    def __init__(self, span_exporter):
        self._exporter = span_exporter
        self._queue = []

    def on_end(self, span):
        self._queue.append(span)

    def shutdown(self):
        if self._queue:
            self._exporter.export(self._queue)
            self._queue = []
        self._exporter.shutdown()
