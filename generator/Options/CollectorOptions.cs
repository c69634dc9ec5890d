using Generator.Facts;
using Generator.Yaml;

namespace Generator.Options;

public sealed record CollectorOptions
{
    [Doc("Name of the collector's Deployment, Service and ServiceAccount (the ConfigMap is <name>-config); in operator mode the OpenTelemetryCollector's, whose Deployment and Service the operator names <name>-collector.")]
    [Pattern(Patterns.Dns1035Label, Patterns.Dns1035LabelMeaning)]
    public string Name { get; init; } = "otel-collector";

    [Doc("How the collector is run: deployment renders its ConfigMap, Deployment and Service; operator renders an OpenTelemetryCollector (opentelemetry.io/v1beta1, mode deployment) with the same pipeline under spec.config, which the OpenTelemetry Operator runs.")]
    public CollectorMode Mode { get; init; } = CollectorMode.Deployment;

    [Doc("Horizontal pod autoscaling by the OpenTelemetry Operator (spec.autoscaler; operator mode only).")]
    public CollectorAutoscalerOptions Autoscaler { get; init; } = new();

    [Doc("Collector image. The tag is pinned: component names depend on the collector version.")]
    public CollectorImageOptions Image { get; init; } = new();

    [Doc("Which collector distribution the image is (decides which components exist); auto derives it from the repository name.")]
    public CollectorDistribution Distribution { get; init; } = CollectorDistribution.Auto;

    [Doc("Collector version the image runs (x.y.z); empty derives it from the image tag.")]
    [Pattern("^$|^v?[0-9]+\\.[0-9]+\\.[0-9]+$", "a version such as 0.159.0, or empty")]
    public string Version { get; init; } = string.Empty;

    [Doc("Number of collector pods (in operator mode, while the autoscaler is off).")]
    [Bounds(0, 100)]
    public long Replicas { get; init; } = 1;

    [Doc("OTLP receiver protocols and ports.")]
    public ReceiverOptions Receivers { get; init; } = new();

    [Doc("Batch processor.")]
    public BatchOptions Batch { get; init; } = new();

    [Doc("memory_limiter processor (first in the pipeline when on).")]
    public MemoryLimiterOptions MemoryLimiter { get; init; } = new();

    [Doc("debug exporter: logs spans to the collector's stdout.")]
    public DebugExporterOptions DebugExporter { get; init; } = new();

    [Doc("k8sattributes processor: adds pod, namespace and deployment attributes (contrib, k8s and Red Hat images only).")]
    public K8sAttributesOptions K8sAttributes { get; init; } = new();

    [Doc("health_check extension, used by the liveness and readiness probes.")]
    public HealthCheckOptions HealthCheck { get; init; } = new();

    [Doc("Tenant the collector writes to when Tempo multitenancy is on; empty for the first tenant.")]
    [Pattern("^$|" + Patterns.Dns1123Label, Patterns.Dns1123LabelMeaning)]
    public string Tenant { get; init; } = string.Empty;

    [Doc("Resources of the collector container.")]
    public ResourceOptions Resources { get; init; } = new()
    {
        Requests = new ComputeResources { Cpu = "100m", Memory = "128Mi" },
        Limits = new ComputeResources { Cpu = "500m", Memory = "512Mi" },
    };
}

public enum CollectorMode
{
    [WireName("deployment")]
    Deployment,

    [WireName("operator")]
    Operator,
}

public sealed record CollectorAutoscalerOptions
{
    [Doc("Let the operator create a HorizontalPodAutoscaler for the collector.")]
    public bool Enabled { get; init; }

    [Doc("Fewest collector pods.")]
    [Bounds(1, 100)]
    public long MinReplicas { get; init; } = 1;

    [Doc("Most collector pods.")]
    [Bounds(1, 100)]
    public long MaxReplicas { get; init; } = 3;

    [Doc("Target average CPU utilisation in percent (the operator's default is 90).")]
    [Bounds(1, 100)]
    public long TargetCpuUtilization { get; init; } = 90;

    [Doc("Target average memory utilisation in percent; 0 scales on CPU only.")]
    [Bounds(0, 100)]
    public long TargetMemoryUtilization { get; init; }
}

public sealed record CollectorImageOptions
{
    [Doc("Image repository.")]
    [ProfileDefault("otel/opentelemetry-collector", "otel/opentelemetry-collector-contrib")]
    [Pattern("^[a-z0-9]+([._/:-][a-z0-9]+)*$", "an image repository such as otel/opentelemetry-collector")]
    public string? Repository { get; init; }

    [Doc("Image tag (never latest).")]
    [Pattern(Patterns.ImageTag, Patterns.ImageTagMeaning)]
    public string Tag { get; init; } = "0.159.0";

    [Doc("Image pull policy.")]
    public PullPolicy PullPolicy { get; init; } = PullPolicy.IfNotPresent;
}

public enum PullPolicy
{
    [WireName("IfNotPresent")]
    IfNotPresent,

    [WireName("Always")]
    Always,

    [WireName("Never")]
    Never,
}

public sealed record ReceiverOptions
{
    [Doc("OTLP over HTTP (what LlamaStack sends).")]
    public ReceiverProtocolOptions Http { get; init; } = new() { Enabled = true, Port = OtlpFacts.DefaultHttpPort };

    [Doc("OTLP over gRPC.")]
    public ReceiverProtocolOptions Grpc { get; init; } = new() { Enabled = false, Port = OtlpFacts.DefaultGrpcPort };
}

public sealed record ReceiverProtocolOptions
{
    [Doc("Open this receiver protocol (and its Service port).")]
    public bool Enabled { get; init; }

    [Doc("Port the receiver listens on (container and Service port).")]
    [Bounds(1, 65535)]
    public long Port { get; init; }
}

public sealed record BatchOptions
{
    [Doc("Send a batch after this time even if it is not full.")]
    [Pattern(Patterns.Duration, Patterns.DurationMeaning)]
    public string Timeout { get; init; } = "5s";

    [Doc("Number of spans after which a batch is sent.")]
    [Bounds(1, 1_000_000)]
    public long SendBatchSize { get; init; } = 1024;
}

public sealed record MemoryLimiterOptions
{
    [Doc("Add the memory_limiter processor.")]
    public bool Enabled { get; init; }

    [Doc("How often memory use is checked.")]
    [Pattern(Patterns.Duration, Patterns.DurationMeaning)]
    public string CheckInterval { get; init; } = "1s";

    [Doc("Hard limit, in percent of the container's memory limit.")]
    [Bounds(1, 100)]
    public long LimitPercentage { get; init; } = 80;

    [Doc("Spike allowance, in percent of the container's memory limit.")]
    [Bounds(0, 100)]
    public long SpikeLimitPercentage { get; init; } = 25;
}

public sealed record DebugExporterOptions
{
    [Doc("Add the debug exporter to the traces pipeline.")]
    public bool Enabled { get; init; } = true;

    [Doc("How much the debug exporter logs: basic, normal or detailed (every span).")]
    public DebugVerbosity Verbosity { get; init; } = DebugVerbosity.Detailed;
}

public enum DebugVerbosity
{
    [WireName("basic")]
    Basic,

    [WireName("normal")]
    Normal,

    [WireName("detailed")]
    Detailed,
}

public sealed record K8sAttributesOptions
{
    [Doc("Add the processor (and the RBAC it needs).")]
    [ProfileDefault("false", "true")]
    public bool? Enabled { get; init; }
}

public sealed record HealthCheckOptions
{
    [Doc("Port of the health_check extension.")]
    [Bounds(1, 65535)]
    public long Port { get; init; } = CollectorCatalog.HealthCheckPort;

    [Doc("HTTP path the probes request.")]
    [Pattern(Patterns.AbsolutePath, Patterns.AbsolutePathMeaning)]
    public string Path { get; init; } = "/";
}
