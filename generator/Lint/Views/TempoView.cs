using Generator.Documents;
using Generator.Facts;
using Generator.Yaml;

namespace Generator.Lint.Views;

/// <summary>
/// A TempoMonolithic and the Services its operator will create for it (otel-tempo-facts.md §1.2): without tenants
/// <c>tempo-&lt;name&gt;</c> with 4317/4318 per enabled protocol; with tenants only <c>tempo-&lt;name&gt;-gateway</c>,
/// with gRPC on 4317 and OTLP/HTTP at <c>https://…:8080/api/traces/v1/&lt;tenant&gt;</c>.
/// </summary>
public sealed class TempoView
{
    private TempoView(Manifest manifest)
    {
        Manifest = manifest;
        var spec = manifest.Spec;
        var otlp = spec?.GetMapping("ingestion")?.GetMapping("otlp");
        var grpc = otlp?.GetMapping("grpc");
        var http = otlp?.GetMapping("http");
        GrpcEnabled = grpc?.GetScalar("enabled")?.AsBoolean() ?? true;
        HttpEnabled = http?.GetScalar("enabled")?.AsBoolean() ?? true;
        GrpcTlsEnabled = grpc?.GetMapping("tls")?.GetScalar("enabled")?.AsBoolean() == true;
        HttpTlsEnabled = http?.GetMapping("tls")?.GetScalar("enabled")?.AsBoolean() == true;
        var tenancy = spec?.GetMapping("multitenancy");
        MultitenancyEnabled = tenancy?.GetScalar("enabled")?.AsBoolean() == true;
        Tenants = [.. (tenancy?.GetSequence("authentication") ?? []).OfType<YamlMapping>().Select(t => t.GetString("tenantName")).OfType<string>()];
        var traces = spec?.GetMapping("storage")?.GetMapping("traces");
        StorageBackendNode = traces?.GetScalar("backend");
        StorageBackend = traces?.GetString("backend") ?? "memory";
    }

    public Manifest Manifest { get; }

    public string Name => Manifest.Name;

    public string? Namespace => Manifest.Namespace;

    public bool GrpcEnabled { get; }

    public bool HttpEnabled { get; }

    /// <summary>Whether Tempo's own OTLP gRPC listener serves TLS (<c>spec.ingestion.otlp.grpc.tls.enabled</c>).</summary>
    public bool GrpcTlsEnabled { get; }

    /// <summary>Whether Tempo's own OTLP/HTTP listener serves TLS (<c>spec.ingestion.otlp.http.tls.enabled</c>).</summary>
    public bool HttpTlsEnabled { get; }

    public bool MultitenancyEnabled { get; }

    public IReadOnlyList<string> Tenants { get; }

    /// <summary>The trace storage backend; the operator's default is memory.</summary>
    public string StorageBackend { get; }

    /// <summary><c>spec.storage.traces.backend</c> as written; null when unset.</summary>
    public YamlScalar? StorageBackendNode { get; }

    /// <summary>The operator puts a gateway in front of Tempo when multitenancy is on with at least one tenant.</summary>
    public bool GatewayEnabled => TempoFacts.HasGateway(MultitenancyEnabled, Tenants.Count);

    /// <summary>The Service that receives traces.</summary>
    public string IngestServiceName => TempoFacts.IngestServiceName(Name, GatewayEnabled);

    public static TempoView Read(Manifest manifest) => new(manifest);
}
