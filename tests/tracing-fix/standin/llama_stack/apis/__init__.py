"""Stand-in package (tracing-fix tests only)."""
