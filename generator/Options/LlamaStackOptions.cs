namespace Generator.Options;

public sealed record LlamaStackOptions
{
    [Doc("Name of the LlamaStackDistribution (and of the Deployment the operator creates).")]
    [Pattern(Patterns.Dns1123Label, Patterns.Dns1123LabelMeaning)]
    public string Name { get; init; } = "llamastack-rhoai32-postgres-otel";

    [Doc("Which LlamaStack server to run: a distribution name known to the operator, or an image (exactly one).")]
    public DistributionOptions Distribution { get; init; } = new();

    [Doc("Number of server pods.")]
    [Bounds(0, 100)]
    public long Replicas { get; init; } = 1;

    [Doc("Horizontal pod autoscaling of the server.")]
    public AutoscalingOptions Autoscaling { get; init; } = new();

    [Doc("Persistent storage of the server.")]
    public LlamaStorageOptions Storage { get; init; } = new();

    [Doc("Name of the server container.")]
    [Pattern(Patterns.Dns1123Label, Patterns.Dns1123LabelMeaning)]
    public string ContainerName { get; init; } = "llama-stack";

    [Doc("Port the server listens on.")]
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

    [Doc("Extra environment variables, after the built-in ones. A PYTHONPATH here is kept and the tracing fix directory is appended to it.")]
    public IReadOnlyList<EnvVarOptions> ExtraEnv { get; init; } = [];
}

public sealed record DistributionOptions
{
    [Doc("Distribution name resolved by the operator (e.g. rh-dev); empty when image is set.")]
    public string Name { get; init; } = "rh-dev";

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
    [Pattern(Patterns.Quantity, Patterns.QuantityMeaning)]
    public string Size { get; init; } = "20Gi";

    [Doc("Where the volume is mounted in the server container.")]
    [Pattern(Patterns.AbsolutePath, Patterns.AbsolutePathMeaning)]
    public string MountPath { get; init; } = "/opt/app-root/src/.llama/distributions/rh";
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
