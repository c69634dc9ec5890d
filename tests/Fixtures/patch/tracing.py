# A user's own patched llama_stack/providers/utils/telemetry/tracing.py, as the subPath and initContainer strategies
# mount it. Test input only: the content is opaque to the generator, which copies it into the ConfigMap.
PATCHED_VERSION = "test-fixture"
