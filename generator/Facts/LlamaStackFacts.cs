namespace Generator.Facts;

/// <summary>Facts about LlamaStack and its operator (llama-stack-tracing-facts.md, the LlamaStackDistribution CRD).</summary>
public static class LlamaStackFacts
{
    public const string ApiVersion = "llamastack.io/v1alpha1";
    public const string Kind = "LlamaStackDistribution";

    /// <summary>The server container's name when <c>spec.server.containerSpec.name</c> is unset (operator-objects-facts.md §4; resource_helper.go :: getContainerName).</summary>
    public const string DefaultContainerName = "llama-stack";

    /// <summary>The package directory of the module the tracing fix patches, relative to site-packages.</summary>
    public const string TelemetryPackage = "llama_stack/providers/utils/telemetry";

    public const string TracingModuleFile = "tracing.py";

    /// <summary>The line the tracing fix logs when it patched the module (grep for it in the pod log).</summary>
    public const string FixAppliedLogLine = "llamastack tracing fix applied";

    /// <summary>What every line of the start-up hook starts with (0.4 to 0.6: whether it installed a tracer provider, and why not).</summary>
    public const string HookLogPrefix = "llamastack tracing fix";

    public const string SitecustomizeFile = "sitecustomize.py";

    /// <summary>
    /// The site-packages directory of the RHOAI LlamaStack image (ubi9/python-312 venv, §8): where the subPath and
    /// initContainer strategies mount the patch by default, and the Python version lint expects under an rh- distribution.
    /// </summary>
    public const string SitePackages = "/opt/app-root/lib64/python3.12/site-packages";

    /// <summary>The variable the sitecustomize strategy puts the fix's directory on (it comes before site-packages, §8).</summary>
    public const string PythonPathEnv = "PYTHONPATH";

    /// <summary>
    /// The server environment the generator sets from options (the seed deployment's variables, in its order): extraEnv
    /// may not set these again.
    /// </summary>
    public static readonly IReadOnlyList<string> ServerEnvNames =
    [
        "VLLM_URL", "INFERENCE_MODEL", "VLLM_TLS_VERIFY", "FMS_ORCHESTRATOR_URL", "ENABLE_SENTENCE_TRANSFORMERS",
        "EMBEDDING_PROVIDER", OtlpFacts.EndpointEnv, OtlpFacts.ServiceNameEnv, OtlpFacts.ProtocolEnv,
        "POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD",
    ];
}
