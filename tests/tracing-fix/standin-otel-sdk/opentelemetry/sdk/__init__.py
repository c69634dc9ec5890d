"""Stand-in for opentelemetry-sdk (see opentelemetry.sdk.trace)."""
