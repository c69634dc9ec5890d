using Generator.Facts;
using Generator.Findings;
using Generator.Yaml;

namespace Generator.Lint.Rules;

/// <summary>
/// An OTLP exporter to a Tempo of the bundle whose TLS setting does not match what that endpoint serves. Tempo's own
/// OTLP ports (<c>tempo-&lt;name&gt;</c> of a TempoMonolithic, <c>tempo-&lt;name&gt;-distributor</c> of a TempoStack, no
/// gateway) speak plain text unless <c>spec.ingestion.otlp.*.tls.enabled</c> (TempoStack:
/// <c>spec.template.distributor.tls.enabled</c>); the gateway (<c>tempo-&lt;name&gt;-gateway</c>) speaks only TLS. The gRPC exporter uses TLS unless
/// <c>tls.insecure: true</c> or an <c>http://</c> scheme; the HTTP exporter follows its scheme. A mismatch fails every
/// handshake, so the collector drops each batch after its retries and Tempo stays empty.
/// </summary>
public sealed class CollectorExporterTls : ILintRule
{
    public RuleInfo Info { get; } = new(
        "collector-exporter-tls",
        Severity.Error,
        "An OTLP exporter's TLS setting does not match the Tempo endpoint it sends to (plain-text Tempo port or TLS-only gateway).",
        "To Tempo without gateway set tls.insecure: true (or an http:// endpoint); to the gateway remove tls.insecure, use https:// for OTLP/HTTP and set tls.ca_file to the service CA.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var config in context.CollectorConfigs)
        {
            foreach (var exporter in config.OtlpExporters())
            {
                if (exporter.Endpoint.ClusterService(config.Collector.Workload.Namespace) is not var (service, ns)
                    || context.TempoServing(service, ns) is not { } tempo
                    || service != tempo.IngestServiceName
                    || (!exporter.Grpc && exporter.Endpoint.Scheme is null))
                {
                    // Not a Tempo endpoint, or a Service the operator does not create (collector-exporter-tempo says so).
                    continue;
                }

                var (protocol, protocolName) = exporter.Grpc ? ("grpc", "gRPC") : ("http", "HTTP");
                var serverTls = tempo.GatewayEnabled || (exporter.Grpc ? tempo.GrpcTlsEnabled : tempo.HttpTlsEnabled);
                var scheme = exporter.Endpoint.Scheme;
                var insecure = exporter.Definition.Body?.GetMapping("tls")?.GetScalar("insecure");
                var clientTls = scheme == "https" || (exporter.Grpc && scheme is null && insecure?.AsBoolean() != true);
                if (clientTls == serverTls)
                {
                    continue;
                }

                var tlsField = tempo.IsStack ? "spec.template.distributor.tls.enabled" : "spec.ingestion.otlp." + protocol + ".tls.enabled";
                var target = tempo.GatewayEnabled
                    ? $"the gateway Service \"{service}\" of {tempo.Describe}, which serves only TLS"
                    : $"Service \"{service}\" of {tempo.Describe}, whose OTLP {protocolName} port serves {(serverTls ? "TLS (" + tlsField + ")" : "plain text")}";
                var (node, path, cause) = (scheme, clientTls) switch
                {
                    ("https", _) => ((YamlNode)exporter.EndpointNode, exporter.EndpointPath, "the https:// scheme makes it use TLS"),
                    ("http", _) => (exporter.EndpointNode, exporter.EndpointPath, "the http:// scheme makes it send plain text"),
                    (_, true) => (insecure ?? (YamlNode)exporter.Definition.Key, insecure is null ? exporter.Definition.Path : exporter.Definition.Path + ".tls.insecure", "without tls.insecure: true it uses TLS"),
                    _ => (insecure!, exporter.Definition.Path + ".tls.insecure", "tls.insecure: true makes it send plain text"),
                };
                var fix = serverTls ? $"use TLS (no tls.insecure, an https:// scheme for OTLP/HTTP, tls.ca_file: {TempoFacts.ServiceCaFile} on OpenShift)" : "set tls.insecure: true (or use an http:// endpoint)";
                yield return config.Report(Info, node, path,
                    $"{exporter.Definition.Describe} in {config.Source} sends to {exporter.EndpointNode.Text}, {target}, but {cause}, so every export fails the handshake; {fix}");
            }
        }
    }
}
