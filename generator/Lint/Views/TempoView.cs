using Generator.Documents;
using Generator.Facts;
using Generator.Yaml;

namespace Generator.Lint.Views;

/// <summary>
/// A TempoMonolithic or a TempoStack and the Services its operator will create for it. TempoMonolithic
/// (otel-tempo-facts.md §1.2): without tenants <c>tempo-&lt;name&gt;</c> with 4317/4318 per enabled protocol; with tenants
/// only <c>tempo-&lt;name&gt;-gateway</c>, with gRPC on 4317 and OTLP/HTTP at <c>https://…:8080/api/traces/v1/&lt;tenant&gt;</c>.
/// TempoStack (operator-objects-facts.md §2b–2d): <c>tempo-&lt;name&gt;-distributor</c> with 4317/4318 always; with
/// <c>spec.template.gateway.enabled</c> also <c>tempo-&lt;name&gt;-gateway</c>, which then is the only way in (gRPC 8090,
/// OTLP/HTTP 8080), because the distributor's receivers require internal mTLS and admit only the gateway's pods.
/// </summary>
public sealed class TempoView
{
    private TempoView(Manifest manifest)
    {
        Manifest = manifest;
        var spec = manifest.Spec;
        if (IsStack)
        {
            var template = spec?.GetMapping("template");
            GrpcEnabled = HttpEnabled = true;
            GrpcTlsEnabled = HttpTlsEnabled = template?.GetMapping("distributor")?.GetMapping("tls")?.GetScalar("enabled")?.AsBoolean() == true;
            var tenants = spec?.GetMapping("tenants");
            MultitenancyEnabled = tenants is not null;
            TenancyMode = tenants?.GetString("mode") ?? TempoFacts.StaticTenancyMode;
            Tenants = TenantNames(tenants);
            GatewayEnabled = template?.GetMapping("gateway")?.GetScalar("enabled")?.AsBoolean() == true;
            var secret = spec?.GetMapping("storage")?.GetMapping("secret");
            StorageBackend = secret?.GetString("type") ?? string.Empty;
            StorageSecretNode = secret?.GetScalar("name");
            StorageSecretPath = "spec.storage.secret.name";
            JaegerUiNode = template?.GetMapping("queryFrontend")?.GetMapping("jaegerQuery")?.GetScalar("enabled");
        }
        else
        {
            var otlp = spec?.GetMapping("ingestion")?.GetMapping("otlp");
            var grpc = otlp?.GetMapping("grpc");
            var http = otlp?.GetMapping("http");
            GrpcEnabled = grpc?.GetScalar("enabled")?.AsBoolean() ?? true;
            HttpEnabled = http?.GetScalar("enabled")?.AsBoolean() ?? true;
            GrpcTlsEnabled = grpc?.GetMapping("tls")?.GetScalar("enabled")?.AsBoolean() == true;
            HttpTlsEnabled = http?.GetMapping("tls")?.GetScalar("enabled")?.AsBoolean() == true;
            var tenancy = spec?.GetMapping("multitenancy");
            MultitenancyEnabled = tenancy?.GetScalar("enabled")?.AsBoolean() == true;
            TenancyMode = tenancy?.GetString("mode") ?? TempoFacts.StaticTenancyMode;
            Tenants = TenantNames(tenancy);
            GatewayEnabled = TempoFacts.HasGateway(MultitenancyEnabled, Tenants.Count);
            var traces = spec?.GetMapping("storage")?.GetMapping("traces");
            StorageBackendNode = traces?.GetScalar("backend");
            StorageBackend = traces?.GetString("backend") ?? "memory";
            StorageSecretNode = traces?.GetMapping(StorageBackend)?.GetScalar("secret");
            StorageSecretPath = FieldPath.Child("spec.storage.traces", StorageBackend) + ".secret";
            JaegerUiNode = spec?.GetMapping("jaegerui")?.GetScalar("enabled");
        }
    }

    public Manifest Manifest { get; }

    public string Name => Manifest.Name;

    public string? Namespace => Manifest.Namespace;

    /// <summary>TempoMonolithic or TempoStack.</summary>
    public string Kind => Manifest.Kind;

    public bool IsStack => Manifest.Kind == TempoFacts.StackKind;

    /// <summary>Whether Tempo ingests OTLP over gRPC (a TempoStack's distributor always does).</summary>
    public bool GrpcEnabled { get; }

    public bool HttpEnabled { get; }

    /// <summary>Whether Tempo's own OTLP gRPC listener serves TLS (<c>spec.ingestion.otlp.grpc.tls.enabled</c>; a TempoStack's <c>spec.template.distributor.tls.enabled</c>).</summary>
    public bool GrpcTlsEnabled { get; }

    /// <summary>Whether Tempo's own OTLP/HTTP listener serves TLS.</summary>
    public bool HttpTlsEnabled { get; }

    /// <summary>Whether Tempo runs multi-tenant (needs <c>X-Scope-OrgID</c>): monolithic multitenancy on; a TempoStack with spec.tenants.</summary>
    public bool MultitenancyEnabled { get; }

    /// <summary>static (the default) or openshift.</summary>
    public string TenancyMode { get; }

    public IReadOnlyList<string> Tenants { get; }

    /// <summary>Whether the operator puts its gateway in front: a monolithic's multitenancy with tenants, a TempoStack's spec.template.gateway.enabled.</summary>
    public bool GatewayEnabled { get; }

    /// <summary>Whether the OpenShift console's tracing UI lists this Tempo: tenants in mode openshift (which needs the gateway).</summary>
    public bool ListedByConsole => MultitenancyEnabled && Tenants.Count > 0 && TenancyMode == UiPluginFacts.ListedTenancyMode && GatewayEnabled;

    /// <summary>The trace storage backend: memory (the monolithic default), pv, or the object-storage type.</summary>
    public string StorageBackend { get; }

    /// <summary><c>spec.storage.traces.backend</c> as written; null when unset (and for a TempoStack).</summary>
    public YamlScalar? StorageBackendNode { get; }

    /// <summary>The storage secret's name as written (object storage only).</summary>
    public YamlScalar? StorageSecretNode { get; }

    public string StorageSecretPath { get; }

    public bool UsesObjectStorage => TempoFacts.ObjectStorageTypes.Contains(StorageBackend);

    /// <summary>The Jaeger UI switch as written (<c>spec.jaegerui.enabled</c>, a TempoStack's jaegerQuery.enabled); null when unset.</summary>
    public YamlScalar? JaegerUiNode { get; }

    /// <summary>The Service that receives traces.</summary>
    public string IngestServiceName => TempoFacts.IngestServiceName(Name, IsStack, GatewayEnabled);

    /// <summary>The port of the ingest Service that takes OTLP gRPC.</summary>
    public int GrpcPort => IsStack && GatewayEnabled ? TempoFacts.GatewayGrpcPort : TempoFacts.OtlpGrpcPort;

    /// <summary>The Services of the operator that take OTLP (whether or not they exist for this configuration).</summary>
    public IEnumerable<string> OtlpServiceNames => IsStack
        ? [TempoFacts.ComponentName(Name, TempoFacts.DistributorComponent), TempoFacts.GatewayServiceName(Name)]
        : [TempoFacts.ServiceName(Name), TempoFacts.GatewayServiceName(Name)];

    /// <summary>For messages: <c>TempoStack "tracing"</c>.</summary>
    public string Describe => $"{Kind} \"{Name}\"";

    public static TempoView Read(Manifest manifest) => new(manifest);

    private static IReadOnlyList<string> TenantNames(YamlMapping? tenancy) =>
        [.. (tenancy?.GetSequence("authentication") ?? []).OfType<YamlMapping>().Select(t => t.GetString("tenantName")).OfType<string>()];
}
