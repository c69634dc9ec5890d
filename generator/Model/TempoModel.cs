namespace Generator.Model;

/// <summary>Tempo as the operator will run it, and where the collector must send traces.</summary>
public sealed record TempoModel(
    string Name,
    string Namespace,
    bool GatewayEnabled,
    string? Tenant,
    string IngestService,
    string ExporterEndpoint,
    IReadOnlyList<string> TenantNames);
