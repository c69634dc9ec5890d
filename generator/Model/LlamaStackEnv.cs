using Generator.Facts;
using Generator.Options;

namespace Generator.Model;

/// <summary>
/// The LlamaStack container's environment, in the seed deployment's order, then the user's extra variables. The OTLP
/// endpoint and protocol are derived from the collector's Service and receivers; the database credentials always come
/// from the Secret; the sitecustomize strategy adds (or appends to) PYTHONPATH.
/// </summary>
public static class LlamaStackEnv
{
    public const string PythonPath = "PYTHONPATH";

    /// <summary>The PostgreSQL Service assumed in the application namespace when postgres.host is empty.</summary>
    public const string DefaultPostgresService = "postgres";

    /// <summary>Names the generator sets itself; extraEnv may not set them again.</summary>
    public static readonly IReadOnlySet<string> BuiltInNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "VLLM_URL", "INFERENCE_MODEL", "VLLM_TLS_VERIFY", "FMS_ORCHESTRATOR_URL", "ENABLE_SENTENCE_TRANSFORMERS",
        "EMBEDDING_PROVIDER", OtlpFacts.EndpointEnv, OtlpFacts.ServiceNameEnv, OtlpFacts.ProtocolEnv,
        "POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD",
    };

    public static IReadOnlyList<EnvVar> Build(GeneratorOptions options, CollectorModel collector, PatchWiring patch)
    {
        var llama = options.LlamaStack;
        var postgres = llama.Postgres;
        var env = new List<EnvVar>
        {
            new("VLLM_URL", llama.Vllm.Url),
            new("INFERENCE_MODEL", llama.Vllm.InferenceModel),
            new("VLLM_TLS_VERIFY", Bool(llama.Vllm.TlsVerify)),
            new("FMS_ORCHESTRATOR_URL", llama.FmsOrchestratorUrl),
            new("ENABLE_SENTENCE_TRANSFORMERS", Bool(llama.EnableSentenceTransformers)),
            new("EMBEDDING_PROVIDER", llama.EmbeddingProvider),
            new(OtlpFacts.EndpointEnv, collector.OtlpEndpointUrl),
            new(OtlpFacts.ServiceNameEnv, llama.ServiceName),
            new(OtlpFacts.ProtocolEnv, collector.OtlpProtocol),
            new("POSTGRES_HOST", PostgresHost(options)),
            new("POSTGRES_PORT", postgres.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("POSTGRES_DB", null, new KeyRef(postgres.SecretName, postgres.DatabaseKey)),
            new("POSTGRES_USER", null, new KeyRef(postgres.SecretName, postgres.UserKey)),
            new("POSTGRES_PASSWORD", null, new KeyRef(postgres.SecretName, postgres.PasswordKey)),
        };

        var userPythonPath = llama.ExtraEnv.Any(e => e.Name == PythonPath);
        if (patch.PythonPathEntry is { } entry && !userPythonPath)
        {
            env.Add(new EnvVar(PythonPath, entry));
        }

        foreach (var extra in llama.ExtraEnv)
        {
            var value = extra.Name == PythonPath && patch.PythonPathEntry is { } dir && extra.Value is not null
                ? extra.Value + ":" + dir
                : extra.Value;
            env.Add(new EnvVar(
                extra.Name,
                value,
                extra.SecretKeyRef is { } s ? new KeyRef(s.Name, s.Key) : null,
                extra.ConfigMapKeyRef is { } c ? new KeyRef(c.Name, c.Key) : null));
        }

        return env;
    }

    public static string PostgresHost(GeneratorOptions options) =>
        options.LlamaStack.Postgres.Host.Length > 0
            ? options.LlamaStack.Postgres.Host
            : TempoFacts.ClusterHost(DefaultPostgresService, options.Namespaces.Application);

    private static string Bool(bool value) => value ? "true" : "false";
}
