using Generator.Yaml;

namespace Generator.Options;

public sealed record TempoOptions
{
    [Doc("Which resource of the Tempo Operator runs Tempo: TempoMonolithic (one pod) or TempoStack (distributor, ingester, querier, query-frontend and compactor, optionally a gateway, on object storage).")]
    public TempoKind Kind { get; init; } = TempoKind.Monolithic;

    [Doc("Name of the TempoMonolithic or TempoStack; the operator names its objects tempo-<name> (TempoMonolithic Service and StatefulSet), tempo-<name>-<component> (TempoStack) and tempo-<name>-gateway.")]
    [Pattern("^[a-z0-9]([-a-z0-9]{0,46}[a-z0-9])?$", "a DNS-1123 label of at most 48 characters (the operator adds 'tempo-' and '-gateway')")]
    public string Name { get; init; } = "tracing";

    [Doc("TempoStack only: size preset, retention, global limits and the gateway.")]
    public TempoStackOptions Stack { get; init; } = new();

    [Doc("The OpenShift console's tracing UI: the Cluster Observability Operator's UIPlugin distributed-tracing (cluster-scoped). It lists only multi-tenant Tempo (tenants in mode openshift, behind the gateway).")]
    public UiPluginOptions UiPlugin { get; init; } = new();

    [Doc("OTLP ingestion protocols a TempoMonolithic accepts (each opens port 4317/4318 on its Service); a TempoStack's distributor takes both.")]
    public TempoIngestionOptions Ingestion { get; init; } = new();

    [Doc("Tempo multitenancy; with at least one tenant the operator puts a gateway in front of Tempo (a TempoStack's unless tempo.stack.gateway is false).")]
    public MultitenancyOptions Multitenancy { get; init; } = new();

    [Doc("The Jaeger UI and how it is exposed (deprecated since tempo-operator 0.22.0; the console's tracing UI, tempo.uiPlugin, replaces it).")]
    public JaegerUiOptions JaegerUi { get; init; } = new();

    [Doc("Trace storage.")]
    public TempoStorageOptions Storage { get; init; } = new();

    [Doc("Resources of the Tempo container (TempoMonolithic; a TempoStack's come from its size preset).")]
    public ResourceOptions Resources { get; init; } = new()
    {
        Requests = new ComputeResources { Cpu = "500m", Memory = "1Gi" },
        Limits = new ComputeResources { Cpu = "1", Memory = "2Gi" },
    };

    [Doc("Largest gRPC message Tempo's query path sends and receives, in bytes (spec.extraConfig.tempo.server.grpc_server_max_recv_msg_size / _send_msg_size); 0 leaves Tempo's default.")]
    [Bounds(0, int.MaxValue)]
    public long GrpcServerMaxMessageBytes { get; init; } = 20 * 1024 * 1024;

    [Doc("Largest OTLP/gRPC message Tempo ingests, in MiB (distributor.receivers.otlp.protocols.grpc.max_recv_msg_size_mib); 0 leaves the gRPC default of 4 MiB.")]
    [Bounds(0, 2048)]
    public long OtlpGrpcMaxRecvMsgSizeMib { get; init; }
}

public enum TempoKind
{
    [WireName("TempoMonolithic")]
    Monolithic,

    [WireName("TempoStack")]
    Stack,
}

public sealed record TempoStackOptions
{
    [Doc("Size preset: replicas, resource requests and ingestion limits of every component (1x.demo sets no requests).")]
    public TempoStackSize Size { get; init; } = TempoStackSize.Pico;

    [Doc("With multitenancy on: put the operator's gateway in front (tenants in mode openshift, OpenShift tokens and RBAC; the collector sends to tempo-<name>-gateway:8090). false: tenants without gateway (mode static, no authentication; the collector names its tenant in X-Scope-OrgID to tempo-<name>-distributor).")]
    public bool Gateway { get; init; } = true;

    [Doc("How long traces are kept (spec.retention.global.traces, e.g. 336h); empty for the operator's 48h.")]
    [Pattern(Patterns.Retention, Patterns.RetentionMeaning)]
    public string Retention { get; init; } = string.Empty;

    [Doc("Ingestion limits of every tenant (spec.limits.global.ingestion); 0 leaves the size preset's value.")]
    public TempoLimitsOptions Limits { get; init; } = new();
}

public enum TempoStackSize
{
    [WireName("1x.demo")]
    Demo,

    [WireName("1x.pico")]
    Pico,

    [WireName("1x.extra-small")]
    ExtraSmall,

    [WireName("1x.small")]
    Small,

    [WireName("1x.medium")]
    Medium,
}

public sealed record TempoLimitsOptions
{
    [Doc("Ingestion rate per tenant in bytes per second; 0 leaves the default.")]
    [Bounds(0, int.MaxValue)]
    public long IngestionRateLimitBytes { get; init; }

    [Doc("Ingestion burst per tenant in bytes; 0 leaves the default.")]
    [Bounds(0, int.MaxValue)]
    public long IngestionBurstSizeBytes { get; init; }

    [Doc("Live traces per tenant; 0 leaves the default.")]
    [Bounds(0, int.MaxValue)]
    public long MaxTracesPerUser { get; init; }

    [Doc("Largest trace in bytes; 0 leaves the default.")]
    [Bounds(0, int.MaxValue)]
    public long MaxBytesPerTrace { get; init; }
}

public sealed record UiPluginOptions
{
    [Doc("Render the UIPlugin distributed-tracing (needs the Cluster Observability Operator, and Tempo multi-tenant in mode openshift).")]
    public bool Enabled { get; init; }

    [Doc("Timeout of the plugin's queries to Tempo (spec.distributedTracing.timeout, e.g. 30s or 2m); empty for the plugin's default.")]
    [Pattern("^$|" + Facts.UiPluginFacts.TimeoutPattern, "seconds or minutes such as 30s or 2m, or empty")]
    public string Timeout { get; init; } = string.Empty;
}

public sealed record TempoIngestionOptions
{
    [Doc("Accept OTLP over gRPC (port 4317).")]
    public bool OtlpGrpc { get; init; } = true;

    [Doc("Accept OTLP over HTTP (port 4318; not offered by the multitenancy gateway).")]
    public bool OtlpHttp { get; init; } = true;
}

public sealed record MultitenancyOptions
{
    [Doc("Turn on multitenancy (mode openshift: the gateway authenticates with OpenShift service-account tokens and authorizes with RBAC).")]
    [ProfileDefault("false", "true")]
    public bool? Enabled { get; init; }

    [Doc("Tenants; the collector writes to the first one unless collector.tenant names another.")]
    public IReadOnlyList<TenantOptions> Tenants { get; init; } = [new TenantOptions()];
}

public sealed record TenantOptions
{
    [Required]
    [Doc("Tenant name: the X-Scope-OrgID header value and the RBAC resource name.")]
    [Pattern(Patterns.Dns1123Label, Patterns.Dns1123LabelMeaning)]
    public string Name { get; init; } = "dev";

    [Required]
    [Doc("Tenant id: unique over the deployment's lifetime (prefix in object storage).")]
    [Pattern("^[A-Za-z0-9-]{1,64}$", "letters, digits and '-'")]
    public string Id { get; init; } = "1610b0c3-c509-4592-a256-a1871353dbfa";

    [Doc("TempoStack only: how long this tenant's traces are kept (spec.retention.perTenant); empty for tempo.stack.retention.")]
    [Pattern(Patterns.Retention, Patterns.RetentionMeaning)]
    public string Retention { get; init; } = string.Empty;

    [Doc("TempoStack only: this tenant's ingestion limits (spec.limits.perTenant); 0 leaves tempo.stack.limits.")]
    public TempoLimitsOptions Limits { get; init; } = new();
}

public sealed record JaegerUiOptions
{
    [Doc("Run the Jaeger UI: in the TempoMonolithic pod, or in a TempoStack's query-frontend.")]
    public bool Enabled { get; init; } = true;

    [Doc("Expose the Jaeger UI with an OpenShift Route (created by the operator; a TempoStack's gateway, when it has one).")]
    public RouteOptions Route { get; init; } = new();

    [Doc("Expose the Jaeger UI with a Kubernetes Ingress instead (created by the operator).")]
    public IngressOptions Ingress { get; init; } = new();
}

public sealed record RouteOptions
{
    [Doc("Create the Route.")]
    public bool Enabled { get; init; } = true;

    [Doc("TLS termination of the Route; empty leaves the operator's default (edge, or reencrypt with the gateway).")]
    [Pattern("^(|insecure|edge|passthrough|reencrypt)$", "one of insecure, edge, passthrough, reencrypt or empty")]
    public string Termination { get; init; } = string.Empty;
}

public sealed record IngressOptions
{
    [Doc("Create the Ingress.")]
    public bool Enabled { get; init; }

    [Doc("Host name of the Ingress; empty for any host.")]
    [Pattern("^$|" + Patterns.Dns1123Subdomain, Patterns.Dns1123SubdomainMeaning)]
    public string Host { get; init; } = string.Empty;

    [Doc("IngressClass to use; empty for the cluster default.")]
    public string IngressClassName { get; init; } = string.Empty;
}

public sealed record TempoStorageOptions
{
    [Doc("Storage backend for traces: memory (tmpfs, lost on restart), pv, s3, gcs or azure; a TempoStack needs s3, gcs or azure (its storage secret's type).")]
    [ProfileDefault("memory", "pv")]
    public StorageBackend? Backend { get; init; }

    [Doc("Size of the memory or pv storage of a TempoMonolithic, or of each TempoStack ingester's volume (spec.storageSize); empty for the operator's default.")]
    [ProfileDefault("", "10Gi")]
    [Pattern("^$|" + Patterns.PositiveQuantity, Patterns.PositiveQuantityMeaning)]
    public string? Size { get; init; }

    [Doc("Secret with the object-storage credentials (required for s3, gcs and azure; a TempoStack's spec.storage.secret.name).")]
    [Pattern("^$|" + Patterns.Dns1123Subdomain, Patterns.Dns1123SubdomainMeaning)]
    public string Secret { get; init; } = string.Empty;

    [Doc("StorageClass of the pv backend (a TempoStack's ingester volumes); empty for the cluster default.")]
    public string StorageClassName { get; init; } = string.Empty;
}

public enum StorageBackend
{
    [WireName("memory")]
    Memory,

    [WireName("pv")]
    Pv,

    [WireName("s3")]
    S3,

    [WireName("gcs")]
    Gcs,

    [WireName("azure")]
    Azure,
}
