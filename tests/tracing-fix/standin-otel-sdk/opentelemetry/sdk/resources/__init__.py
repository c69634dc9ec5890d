"""Stand-in for opentelemetry-sdk's `opentelemetry.sdk.resources`: Resource.create() reads
OTEL_RESOURCE_ATTRIBUTES (key=value,...) and OTEL_SERVICE_NAME (which wins for service.name), as
the real one does; without either, service.name is unknown_service."""

import os


class Resource:
    def __init__(self, attributes):
        self.attributes = dict(attributes)

    @classmethod
    def create(cls, attributes=None):
        merged = {"service.name": "unknown_service"}
        for pair in os.environ.get("OTEL_RESOURCE_ATTRIBUTES", "").split(","):
            key, separator, value = pair.partition("=")
            if separator and key.strip():
                merged[key.strip()] = value.strip()
        if os.environ.get("OTEL_SERVICE_NAME"):
            merged["service.name"] = os.environ["OTEL_SERVICE_NAME"]
        merged.update(attributes or {})
        return cls(merged)
