namespace Generator.Facts;

/// <summary>Facts about LlamaStack and its operator (llama-stack-tracing-facts.md, the LlamaStackDistribution CRD).</summary>
public static class LlamaStackFacts
{
    public const string ApiVersion = "llamastack.io/v1alpha1";
    public const string Kind = "LlamaStackDistribution";

    /// <summary>The package directory of the module the tracing fix patches, relative to site-packages.</summary>
    public const string TelemetryPackage = "llama_stack/providers/utils/telemetry";

    public const string TracingModuleFile = "tracing.py";

    /// <summary>The line the tracing fix logs when it patched the module (grep for it in the pod log).</summary>
    public const string FixAppliedLogLine = "llamastack tracing fix applied";

    public const string SitecustomizeFile = "sitecustomize.py";
}
