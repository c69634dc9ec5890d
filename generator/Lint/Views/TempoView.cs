using Generator.Facts;
using Generator.Model;
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
        GrpcEnabled = otlp?.GetMapping("grpc")?.GetScalar("enabled")?.AsBoolean() ?? true;
        HttpEnabled = otlp?.GetMapping("http")?.GetScalar("enabled")?.AsBoolean() ?? true;
        var tenancy = spec?.GetMapping("multitenancy");
        MultitenancyEnabled = tenancy?.GetScalar("enabled")?.AsBoolean() == true;
        Tenants = [.. (tenancy?.GetSequence("authentication") ?? []).OfType<YamlMapping>().Select(t => t.GetString("tenantName")).OfType<string>()];
        StorageBackend = spec?.GetMapping("storage")?.GetMapping("traces")?.GetString("backend") ?? "memory";
    }

    public Manifest Manifest { get; }

    public string Name => Manifest.Name;

    public string? Namespace => Manifest.Namespace;

    public bool GrpcEnabled { get; }

    public bool HttpEnabled { get; }

    public bool MultitenancyEnabled { get; }

    public IReadOnlyList<string> Tenants { get; }

    public string StorageBackend { get; }

    /// <summary>The operator puts a gateway in front of Tempo when multitenancy is on with at least one tenant.</summary>
    public bool GatewayEnabled => MultitenancyEnabled && Tenants.Count > 0;

    /// <summary>The Service that receives traces.</summary>
    public string IngestServiceName => GatewayEnabled ? TempoFacts.GatewayServiceName(Name) : TempoFacts.ServiceName(Name);

    public static TempoView Read(Manifest manifest) => new(manifest);
}
