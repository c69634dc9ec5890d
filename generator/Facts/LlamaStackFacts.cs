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

    /// <summary>Where Python looks for sitecustomize (the sitecustomize strategy appends the fix's directory to it).</summary>
    public const string PythonPathEnv = "PYTHONPATH";

    /// <summary>The environment variables the generator sets on the server container itself; extraEnv may not set them again.</summary>
    public static readonly IReadOnlySet<string> GeneratedEnvNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "VLLM_URL", "INFERENCE_MODEL", "VLLM_TLS_VERIFY", "FMS_ORCHESTRATOR_URL", "ENABLE_SENTENCE_TRANSFORMERS",
        "EMBEDDING_PROVIDER", OtlpFacts.EndpointEnv, OtlpFacts.ServiceNameEnv, OtlpFacts.ProtocolEnv,
        "POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD",
    };
}
