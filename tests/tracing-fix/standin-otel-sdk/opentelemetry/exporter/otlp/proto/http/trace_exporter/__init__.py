"""Stand-in for opentelemetry-exporter-otlp-proto-http's `...proto.http.trace_exporter`.

OTLPSpanExporter() finds its URL as the real one does: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as it
is, else OTEL_EXPORTER_OTLP_ENDPOINT with /v1/traces appended, else http://localhost:4318/v1/traces.
It POSTs each batch to that URL, as JSON rather than OTLP protobuf (the tests' receiver reads it).
"""

import json
import os
import urllib.request


class OTLPSpanExporter:
    def __init__(self, endpoint=None):
        traces = os.environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
        base = os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318")
        self.endpoint = endpoint or traces or base.rstrip("/") + "/v1/traces"

    def export(self, spans):
        body = json.dumps([
            {
                "name": span.name,
                "scope": span.instrumentation_scope,
                "attributes": span.attributes,
                "resource": span.resource.attributes,
            }
            for span in spans
        ]).encode()
        request = urllib.request.Request(self.endpoint, data=body, method="POST", headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()

    def shutdown(self):
        pass
