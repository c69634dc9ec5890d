"""Stand-in for a llama_stack whose tracing module has a different shape (tracing-fix tests only)."""
