"""Stand-in for llama_stack 0.4+, where providers/utils/telemetry/tracing.py no longer exists."""
