using Generator.Facts;
using Generator.Yaml;

namespace Generator.Options;

public sealed record LlamaStackOptions
{
    [Doc("Name of the LlamaStackDistribution or OGXServer (and of the Deployment the operator creates).")]
    [ProfileDefault("llamastack-rhoai32-postgres-otel", "llamastack-rhoai32-postgres-otel", Ogx = "ogx-postgres-otel")]
    [Pattern(Patterns.Dns1123Label, Patterns.Dns1123LabelMeaning)]
    public string? Name { get; init; }

    [Doc("The custom resource that runs the server: LlamaStackDistribution (llamastack.io/v1alpha1, RHOAI 2.x to 3.4) or OGXServer (ogx.io/v1beta1, RHOAI 3.5 and later; env, volumes and the service account go under spec.workload.overrides, and the operator's NetworkPolicy is left as it makes it).")]
    [ProfileDefault("LlamaStackDistribution", "LlamaStackDistribution", Ogx = "OGXServer")]
    public ServerKind? Kind { get; init; }

    [Doc("The llama-stack (or OGX) release the server image runs (x.y.z, 0.2.0 or later; a RHOAI image's fork tag 0.3.5.1+rhai0 is 0.3.5). It decides how traces leave the server: 0.2.x needs TELEMETRY_SINKS with otel_trace, 0.2.x and 0.3.x get the tracing fix, 0.4 to 0.6 a tracer provider at start-up, 0.7 and later and OGX are auto-instrumented; and so the env vars, the start-up hook (patch.strategy auto), whether the collector needs a metrics pipeline, and what lint expects. An OGXServer's release is OGX's (1.3.0 is what OGX Operator v0.14.0 deploys by default).")]
    [ProfileDefault("0.3.5", "0.3.5", Ogx = OgxFacts.DefaultRelease)]
    [Pattern(LlamaStackGenerations.ReleasePattern, "a llama-stack or OGX release x.y.z, 0.2.0 or later")]
    public string? Version { get; init; }

    [Doc("Which LlamaStack server to run: a distribution name known to the operator, or an image (exactly one).")]
    public DistributionOptions Distribution { get; init; } = new();

    [Doc("Where the server's OTLP metrics go. collector: the collector gets a metrics pipeline (the OTLP receiver, batch, the debug exporter at verbosity basic, which logs one line per batch and keeps nothing, as this stack has no metrics store), so the releases that export metrics to the same endpoint (0.3.x whenever it is set, everything run under opentelemetry-instrument) get answers instead of an error on every export; chosen over none because 0.3.x cannot be told to stop, and it shows the metrics arriving. none: no metrics pipeline, and OTEL_METRICS_EXPORTER=none, which the auto-instrumented images read (not RHOAI 3.4's, whose entrypoint passes --metrics_exporter=otlp); refused for 0.3.x, whose metric exporter no variable turns off.")]
    public MetricsTarget Metrics { get; init; } = MetricsTarget.Collector;

    [Doc("Number of server pods.")]
    [Bounds(0, 100)]
    public long Replicas { get; init; } = 1;

    [Doc("Horizontal pod autoscaling of the server.")]
    public AutoscalingOptions Autoscaling { get; init; } = new();

    [Doc("Persistent storage of the server.")]
    public LlamaStorageOptions Storage { get; init; } = new();

    [Doc("Name of the server container of a LlamaStackDistribution (an OGXServer's container is always ogx).")]
    [Pattern(Patterns.Dns1123Label, Patterns.Dns1123LabelMeaning)]
    public string ContainerName { get; init; } = LlamaStackFacts.DefaultContainerName;

    [Doc("Port the server listens on (an OGXServer gets spec.network.port only when it is not 8321: setting spec.network at all also opens its NetworkPolicy to the OpenShift router's namespaces).")]
    [Bounds(1, 65535)]
    public long Port { get; init; } = 8321;

    [Doc("ServiceAccount of the server pod; empty for the operator's default.")]
    [Pattern("^$|" + Patterns.Dns1123Subdomain, Patterns.Dns1123SubdomainMeaning)]
    public string ServiceAccountName { get; init; } = string.Empty;

    [Doc("Resources of the server container.")]
    public ResourceOptions Resources { get; init; } = new()
    {
        Requests = new ComputeResources { Cpu = "500m", Memory = "1Gi" },
        Limits = new ComputeResources { Cpu = "2", Memory = "4Gi" },
    };

    [Doc("OTEL_SERVICE_NAME: the service name shown in the Jaeger UI.")]
    [Pattern("\\S", "a service name, not empty (RHOAI 3.4's image starts opentelemetry-instrument only when OTEL_SERVICE_NAME is set)")]
    public string ServiceName { get; init; } = "llamastack";

    [Doc("The vLLM inference server.")]
    public VllmOptions Vllm { get; init; } = new();

    [Doc("FMS_ORCHESTRATOR_URL: the guardrails orchestrator.")]
    public string FmsOrchestratorUrl { get; init; } = "http://guardrails-orchestrator-service:8032";

    [Doc("ENABLE_SENTENCE_TRANSFORMERS.")]
    public bool EnableSentenceTransformers { get; init; } = true;

    [Doc("EMBEDDING_PROVIDER.")]
    public string EmbeddingProvider { get; init; } = "sentence-transformers";

    [Doc("PostgreSQL connection; the credentials come from a Secret, never from values.")]
    public PostgresOptions Postgres { get; init; } = new();

    [Doc("Extra environment variables, after the built-in ones. A PYTHONPATH here is kept and the tracing fix directory is appended to it; a TELEMETRY_SINKS here is kept and otel_trace appended to it (0.2.15 and later 0.2.x).")]
    public IReadOnlyList<EnvVarOptions> ExtraEnv { get; init; } = [];
}

public sealed record DistributionOptions
{
    [Doc("Distribution name resolved by the operator (e.g. rh-dev, or starter for OGX); empty when image is set.")]
    [ProfileDefault("rh-dev", "rh-dev", Ogx = OgxFacts.DefaultDistribution)]
    public string? Name { get; init; }

    [Doc("Server image; empty when name is set. The initContainer patch strategy needs it (the init container runs the same image).")]
    public string Image { get; init; } = string.Empty;
}

public sealed record AutoscalingOptions
{
    [Doc("Turn on autoscaling.")]
    public bool Enabled { get; init; } = true;

    [Doc("Fewest pods.")]
    [Bounds(1, 1000)]
    public long MinReplicas { get; init; } = 1;

    [Doc("Most pods.")]
    [Bounds(1, 1000)]
    public long MaxReplicas { get; init; } = 5;

    [Doc("Target CPU utilisation in percent.")]
    [Bounds(1, 100)]
    public long TargetCpuUtilizationPercentage { get; init; } = 75;

    [Doc("Target memory utilisation in percent.")]
    [Bounds(1, 100)]
    public long TargetMemoryUtilizationPercentage { get; init; } = 70;
}

public sealed record LlamaStorageOptions
{
    [Doc("Size of the server's persistent volume.")]
    [Pattern(Patterns.PositiveQuantity, Patterns.PositiveQuantityMeaning)]
    public string Size { get; init; } = "20Gi";

    [Doc("Where the volume is mounted in the server container; empty for the operator's default (/.llama for a LlamaStackDistribution, /.ogx for an OGXServer).")]
    [ProfileDefault("/opt/app-root/src/.llama/distributions/rh", "/opt/app-root/src/.llama/distributions/rh", Ogx = "")]
    [Pattern("^$|" + Patterns.AbsolutePath, Patterns.AbsolutePathMeaning)]
    public string? MountPath { get; init; }
}

public sealed record VllmOptions
{
    [Doc("VLLM_URL: the OpenAI-compatible endpoint of the vLLM InferenceService.")]
    public string Url { get; init; } = "http://llama-32-3b-instruct-predictor.bench.svc.cluster.local:80/v1";

    [Doc("INFERENCE_MODEL: the model served by vLLM.")]
    public string InferenceModel { get; init; } = "llama-32-3b-instruct";

    [Doc("VLLM_TLS_VERIFY: verify vLLM's TLS certificate.")]
    public bool TlsVerify { get; init; }
}

public sealed record PostgresOptions
{
    [Doc("POSTGRES_HOST; empty for postgres.<application namespace>.svc.cluster.local.")]
    public string Host { get; init; } = string.Empty;

    [Doc("POSTGRES_PORT.")]
    [Bounds(1, 65535)]
    public long Port { get; init; } = 5432;

    [Doc("Secret holding the database name, user and password.")]
    [Pattern(Patterns.Dns1123Subdomain, Patterns.Dns1123SubdomainMeaning)]
    public string SecretName { get; init; } = "postgres-secret";

    [Doc("Key of the database name in the Secret (POSTGRES_DB).")]
    public string DatabaseKey { get; init; } = "POSTGRES_DB";

    [Doc("Key of the user name in the Secret (POSTGRES_USER).")]
    public string UserKey { get; init; } = "POSTGRES_USER";

    [Doc("Key of the password in the Secret (POSTGRES_PASSWORD).")]
    public string PasswordKey { get; init; } = "POSTGRES_PASSWORD";
}

public sealed record EnvVarOptions
{
    [Required]
    [Doc("Variable name.")]
    [Pattern(Patterns.EnvName, Patterns.EnvNameMeaning)]
    public string Name { get; init; } = string.Empty;

    [Doc("Literal value (not for secrets: use secretKeyRef).")]
    public string? Value { get; init; }

    [Doc("Take the value from a Secret key.")]
    public KeyRefOptions? SecretKeyRef { get; init; }

    [Doc("Take the value from a ConfigMap key.")]
    public KeyRefOptions? ConfigMapKeyRef { get; init; }
}

public sealed record KeyRefOptions
{
    [Required]
    [Doc("Name of the Secret or ConfigMap.")]
    [Pattern(Patterns.Dns1123Subdomain, Patterns.Dns1123SubdomainMeaning)]
    public string Name { get; init; } = string.Empty;

    [Required]
    [Doc("Key in it.")]
    public string Key { get; init; } = string.Empty;
}

public enum ServerKind
{
    [WireName(LlamaStackFacts.Kind)]
    LlamaStackDistribution,

    [WireName(OgxFacts.Kind)]
    OgxServer,
}

public enum MetricsTarget
{
    [WireName("collector")]
    Collector,

    [WireName("none")]
    None,
}
