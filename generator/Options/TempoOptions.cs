using Generator.Yaml;

namespace Generator.Options;

public sealed record TempoOptions
{
    [Doc("Name of the TempoMonolithic; the operator names its objects tempo-<name> (Service, StatefulSet) and tempo-<name>-gateway.")]
    [Pattern("^[a-z0-9]([-a-z0-9]{0,46}[a-z0-9])?$", "a DNS-1123 label of at most 48 characters (the operator adds 'tempo-' and '-gateway')")]
    public string Name { get; init; } = "tracing";

    [Doc("OTLP ingestion protocols Tempo accepts (each opens port 4317/4318 on its Service).")]
    public TempoIngestionOptions Ingestion { get; init; } = new();

    [Doc("Tempo multitenancy; with at least one tenant the operator puts a gateway in front of Tempo.")]
    public MultitenancyOptions Multitenancy { get; init; } = new();

    [Doc("The Jaeger UI and how it is exposed.")]
    public JaegerUiOptions JaegerUi { get; init; } = new();

    [Doc("Trace storage.")]
    public TempoStorageOptions Storage { get; init; } = new();

    [Doc("Resources of the Tempo container.")]
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
}

public sealed record JaegerUiOptions
{
    [Doc("Run the Jaeger UI next to Tempo.")]
    public bool Enabled { get; init; } = true;

    [Doc("Expose the Jaeger UI with an OpenShift Route (created by the operator).")]
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
    [Doc("Storage backend for traces: memory (tmpfs, lost on restart), pv, s3, gcs or azure.")]
    [ProfileDefault("memory", "pv")]
    public StorageBackend? Backend { get; init; }

    [Doc("Size of the memory or pv storage; empty for the operator's default.")]
    [ProfileDefault("", "10Gi")]
    [Pattern("^$|" + Patterns.Quantity, Patterns.QuantityMeaning)]
    public string? Size { get; init; }

    [Doc("Secret with the object-storage credentials (required for s3, gcs and azure).")]
    [Pattern("^$|" + Patterns.Dns1123Subdomain, Patterns.Dns1123SubdomainMeaning)]
    public string Secret { get; init; } = string.Empty;

    [Doc("StorageClass of the pv backend; empty for the cluster default.")]
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
