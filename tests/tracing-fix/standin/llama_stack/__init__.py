"""Stand-in for the llama_stack package (tracing-fix tests only)."""
