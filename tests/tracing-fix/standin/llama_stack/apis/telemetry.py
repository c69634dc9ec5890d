"""Stand-in for the telemetry data types of `llama_stack.apis.telemetry` (LlamaStack 0.3.x).

Upstream uses pydantic models. These are plain dataclasses with the same field names. Only the
types that the tracing stand-in uses are here.
"""

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any, Literal, Protocol


class SpanStatus(Enum):
    OK = "ok"
    ERROR = "error"


@dataclass(kw_only=True)
class Span:
    span_id: str
    trace_id: str
    parent_span_id: str | None = None
    name: str
    start_time: datetime
    end_time: datetime | None = None
    attributes: dict[str, Any] | None = field(default_factory=dict)

    def set_attribute(self, key: str, value: Any) -> None:
        if self.attributes is None:
            self.attributes = {}
        self.attributes[key] = value


@dataclass(kw_only=True)
class SpanStartPayload:
    type: Literal["span_start"] = "span_start"
    name: str
    parent_span_id: str | None = None


@dataclass(kw_only=True)
class SpanEndPayload:
    type: Literal["span_end"] = "span_end"
    status: SpanStatus


@dataclass(kw_only=True)
class StructuredLogEvent:
    trace_id: str
    span_id: str
    timestamp: datetime
    attributes: dict[str, Any] | None = field(default_factory=dict)
    type: Literal["structured_log"] = "structured_log"
    payload: SpanStartPayload | SpanEndPayload

    def __post_init__(self):
        # Pydantic copies the dict when it validates the event, so later changes do not show.
        if self.attributes is not None:
            self.attributes = dict(self.attributes)


class Telemetry(Protocol):
    async def log_event(self, event: StructuredLogEvent, ttl_seconds: int = 604800) -> None: ...
