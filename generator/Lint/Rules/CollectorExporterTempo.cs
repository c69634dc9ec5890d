using Generator.Documents;
using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;
using Generator.Yaml;

namespace Generator.Lint.Rules;

/// <summary>
/// An OTLP exporter aimed at Tempo that the TempoMonolithic or TempoStack of the bundle will not accept: a Service the
/// operator does not create or that does not take OTLP this way, a port where that Tempo does not ingest that protocol,
/// or a tenant setup it rejects. TempoMonolithic (otel-tempo-facts.md §1.2, §1.5): <c>tempo-&lt;name&gt;</c> exists only
/// without gateway, <c>tempo-&lt;name&gt;-gateway</c> only with multitenancy tenants; gRPC 4317 needs
/// ingestion.otlp.grpc.enabled, OTLP/HTTP 4318 needs http enabled and no gateway. TempoStack (operator-objects-facts.md
/// §2b–2d, §8.2): <c>tempo-&lt;name&gt;-distributor</c> takes gRPC 4317 and HTTP 4318 only without gateway (with it, its
/// receivers require internal mTLS and its NetworkPolicy admits only the gateway's pods); the gateway takes gRPC on 8090.
/// Either gateway takes OTLP/HTTP only at <c>:8080/api/traces/v1/&lt;tenant&gt;</c> and needs a bearer-token
/// authenticator and an <c>X-Scope-OrgID</c> that is a tenantName; a multi-tenant Tempo without gateway still needs the
/// header. Either the connection fails or Tempo answers 401/403; no trace is stored. Silent when the bundle has no Tempo
/// (only part of the stack is linted), and for a Service name one or two edits from a Service of the namespace, which
/// reference-typo reports.
/// </summary>
public sealed class CollectorExporterTempo : ILintRule
{
    public RuleInfo Info { get; } = new(
        "collector-exporter-tempo",
        Severity.Error,
        "An OTLP exporter to Tempo does not match the Service, port, protocol or tenant setup of the bundle's TempoMonolithic or TempoStack.",
        "Send OTLP gRPC to tempo-<name>.<ns>.svc.cluster.local:4317 for a TempoMonolithic, tempo-<name>-distributor…:4317 for a TempoStack; through a gateway to tempo-<name>-gateway…:4317 (TempoMonolithic) or :8090 (TempoStack), or OTLP/HTTP to https://tempo-<name>-gateway.<ns>.svc.cluster.local:8080/api/traces/v1/<tenant>, with auth.authenticator set to a bearertokenauth extension and headers.X-Scope-OrgID set to a tenantName (the header alone for a multi-tenant Tempo without gateway).");

    public IEnumerable<Finding> Check(LintContext context)
    {
        if (context.Tempos.Count == 0)
        {
            yield break;
        }

        foreach (var config in context.CollectorConfigs)
        {
            foreach (var exporter in config.OtlpExporters())
            {
                if (exporter.Endpoint.ClusterService(config.Collector.Workload.Namespace) is not var (service, ns) || context.MisspeltAt(exporter.EndpointNode) is not null)
                {
                    continue;
                }

                var describe = $"{exporter.Definition.Describe} in {config.Source}";
                if (context.TempoServing(service, ns) is not { } tempo)
                {
                    if (service.StartsWith(TempoFacts.ServicePrefix, StringComparison.Ordinal))
                    {
                        var present = string.Join(", ", context.Tempos.Select(t => $"{t.Describe} (Service \"{t.IngestServiceName}\" in namespace \"{t.Namespace}\")"));
                        yield return config.Report(Info, exporter.EndpointNode, exporter.EndpointPath,
                            $"{describe} sends to Service \"{service}\" in namespace \"{ns ?? "(unset)"}\", which no TempoMonolithic or TempoStack in the bundle creates; the bundle has {present}");
                    }

                    continue;
                }

                var tempoNs = tempo.Namespace ?? ns ?? "<namespace>";
                if (service != tempo.IngestServiceName)
                {
                    var why = (tempo.IsStack, tempo.GatewayEnabled) switch
                    {
                        (true, true) => "has a gateway: the distributor's OTLP receivers then require internal mTLS and its NetworkPolicy admits only the gateway's pods, so every export fails; its way in is",
                        (true, false) => "has no gateway (spec.template.gateway.enabled is not true), so its only OTLP Service is",
                        (false, true) => "has multitenancy with tenants, so the operator creates only the gateway Service",
                        _ => "has no gateway (no multitenancy tenants), so the operator creates only",
                    };
                    yield return config.Report(Info, exporter.EndpointNode, exporter.EndpointPath,
                        $"{describe} sends to Service \"{service}\", but {tempo.Describe} {why} \"{tempo.IngestServiceName}\"; send to {Expected(exporter, tempo, tempoNs)}");
                    continue;
                }

                if (PortProblem(exporter, tempo, tempoNs) is { } portProblem)
                {
                    yield return config.Report(Info, exporter.EndpointNode, exporter.EndpointPath, $"{describe} {portProblem}");
                }

                if (tempo.GatewayEnabled)
                {
                    foreach (var finding in GatewayProblems(config, exporter, tempo, describe))
                    {
                        yield return finding;
                    }
                }
                else if (tempo.MultitenancyEnabled && TenantHeader(exporter) is not YamlScalar { IsNull: false })
                {
                    yield return config.Report(Info, exporter.Definition.Key, exporter.Definition.Path + ".headers",
                        $"{describe} sends to {tempo.Describe}, which runs multi-tenant without a gateway, but sets no headers.{TempoFacts.TenantHeader}; Tempo rejects spans that name no tenant");
                }
            }
        }
    }

    /// <summary>Where this exporter's protocol goes on that Tempo.</summary>
    private static string Expected(OtlpExporter exporter, TempoView tempo, string ns) =>
        exporter.Grpc ? $"{ClusterDns.Host(tempo.IngestServiceName, ns)}:{tempo.GrpcPort}"
        : tempo.GatewayEnabled ? TempoFacts.GatewayHttpTracesBase(tempo.Name, ns, tempo.Tenants.FirstOrDefault() ?? "<tenant>")
        : $"http://{ClusterDns.Host(tempo.IngestServiceName, ns)}:{TempoFacts.OtlpHttpPort}";

    /// <summary>The exporter's X-Scope-OrgID header entry (header names are case-insensitive).</summary>
    private static YamlEntry? TenantHeaderEntry(OtlpExporter exporter) =>
        exporter.Definition.Body?.GetMapping("headers")?.FirstOrDefault(e => string.Equals(e.Key.Text, TempoFacts.TenantHeader, StringComparison.OrdinalIgnoreCase));

    private static YamlNode? TenantHeader(OtlpExporter exporter) => TenantHeaderEntry(exporter)?.Value;

    /// <summary>
    /// What is wrong with the port (and, for OTLP/HTTP, the path: the exporter appends /v1/traces to <c>endpoint</c> and uses
    /// <c>traces_endpoint</c> as is), or null.
    /// </summary>
    private static string? PortProblem(OtlpExporter exporter, TempoView tempo, string ns)
    {
        var endpoint = exporter.Endpoint;
        var port = exporter.Grpc ? endpoint.Port : endpoint.EffectivePort;
        var sendsTo = $"sends OTLP {(exporter.Grpc ? "gRPC" : "HTTP")} to {exporter.EndpointNode.Text}{(port is null ? " (no port)" : string.Empty)}, but {tempo.Describe}";
        if (exporter.Grpc)
        {
            return !tempo.GrpcEnabled ? $"{sendsTo} sets spec.ingestion.otlp.grpc.enabled: false, so there is no {TempoFacts.OtlpGrpcPort} port"
                : port != tempo.GrpcPort ? $"{sendsTo} takes OTLP gRPC at {Expected(exporter, tempo, ns)}"
                : null;
        }

        // The base path the exporter sends under (null when a traces_endpoint lacks /v1/traces).
        var path = endpoint.Path.TrimEnd('/');
        string? basePath = !exporter.EndpointPath.EndsWith(".traces_endpoint", StringComparison.Ordinal) ? path
            : path.EndsWith(OtlpFacts.TracesPath, StringComparison.Ordinal) ? path[..^OtlpFacts.TracesPath.Length]
            : null;
        if (!tempo.GatewayEnabled)
        {
            return !tempo.HttpEnabled ? $"{sendsTo} sets spec.ingestion.otlp.http.enabled: false, so there is no {TempoFacts.OtlpHttpPort} port"
                : port != TempoFacts.OtlpHttpPort || basePath != string.Empty ? $"{sendsTo} takes OTLP/HTTP at {Expected(exporter, tempo, ns)} (the exporter appends {OtlpFacts.TracesPath} to endpoint)"
                : null;
        }

        const string prefix = TempoFacts.GatewayTracesPathPrefix;
        var tenant = basePath?.StartsWith(prefix, StringComparison.Ordinal) == true ? basePath[prefix.Length..] : null;
        return port == TempoFacts.GatewayPublicPort && tenant is not null && tempo.Tenants.Contains(tenant) ? null
            : $"{sendsTo} takes OTLP/HTTP through its gateway only at {Expected(exporter, tempo, ns)} "
              + $"(port {TempoFacts.GatewayPublicPort}, one path per tenant: {string.Join(", ", tempo.Tenants)}; the gateway has no {TempoFacts.OtlpHttpPort} port)";
    }

    private IEnumerable<Finding> GatewayProblems(CollectorConfigView config, OtlpExporter exporter, TempoView tempo, string describe)
    {
        var definition = exporter.Definition;
        var tenants = string.Join(", ", tempo.Tenants);
        var authenticator = definition.Body?.GetMapping("auth")?.GetScalar("authenticator");
        var extension = authenticator is { IsNull: false } ? config.Find(ComponentKind.Extension, ComponentId.Parse(authenticator.Text)) : null;
        if (authenticator is not { IsNull: false })
        {
            yield return config.Report(Info, definition.Key, definition.Path,
                $"{describe} sends to the gateway of {tempo.Describe}, which authenticates every request, but sets no auth.authenticator; "
                + $"define a bearertokenauth extension (filename: {TempoFacts.ServiceAccountTokenFile}), list it in service.extensions and set auth.authenticator to it");
        }
        else if (extension is null || extension.Id.Type != "bearertokenauth" || !config.IsUsed(extension))
        {
            var state = extension is null ? "is not defined under extensions"
                : extension.Id.Type != "bearertokenauth" ? $"is a {extension.Id.Type} extension, not bearertokenauth (the gateway reviews the service-account token)"
                : "is not listed in service.extensions, so the exporter cannot find it and the collector fails to start";
            yield return config.Report(Info, authenticator, definition.Path + ".auth.authenticator",
                $"{describe} authenticates to the gateway of {tempo.Describe} with \"{authenticator.Text}\", which {state}");
        }

        var header = TenantHeaderEntry(exporter);
        if (header?.Value is not YamlScalar { IsNull: false } value)
        {
            yield return config.Report(Info, (YamlNode?)header?.Key ?? definition.Key, definition.Path + ".headers",
                $"{describe} sends to the gateway of {tempo.Describe} without headers.{TempoFacts.TenantHeader}; the gateway rejects spans without a tenant (tenants: {tenants})");
        }
        else if (!tempo.Tenants.Contains(value.Text))
        {
            yield return config.Report(Info, value, FieldPath.Child(definition.Path + ".headers", header.Key.Text),
                $"{describe} sets {TempoFacts.TenantHeader}: \"{value.Text}\", which is not a tenantName of {tempo.Describe} (tenants: {tenants}); the gateway rejects its spans");
        }
    }
}
