using Generator.Documents;
using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// A collector exporter that sends without TLS (<c>tls.insecure: true</c>, or an <c>http://</c> endpoint) to a Service in
/// another namespace: spans, with whatever request data their attributes carry, cross the cluster network in plain text,
/// readable by anything that can observe that traffic. Inside one namespace that is a common trade-off; across namespaces it is worth knowing.
/// </summary>
public sealed class ExporterInsecureCrossNamespace : ILintRule
{
    public RuleInfo Info { get; } = new(
        "exporter-insecure-cross-namespace",
        Severity.Info,
        "A collector exporter sends spans in plain text to a Service in another namespace.",
        "Enable TLS on the receiving side (e.g. the Tempo gateway with the service CA) and set tls.ca_file instead of tls.insecure, or accept the risk with a lint-ignore comment.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var config in context.CollectorConfigs)
        {
            var from = config.Collector.Workload.Namespace;
            foreach (var exporter in config.Definitions.Where(d => d.Kind == ComponentKind.Exporter))
            {
                var settings = exporter.Body;
                var insecure = settings?.GetMapping("tls")?.GetScalar("insecure");
                if (settings?.GetString("endpoint") is not { } text || Endpoint.Parse(text) is not { } endpoint
                    || !(insecure?.AsBoolean() == true || endpoint.Scheme == "http")
                    || endpoint.ClusterService(from)?.Namespace is not { } to || from is null || to == from)
                {
                    continue;
                }

                var how = insecure?.AsBoolean() == true ? "tls.insecure: true" : "an http:// endpoint";
                yield return config.Report(Info, insecure?.AsBoolean() == true ? insecure : settings["endpoint"],
                    insecure?.AsBoolean() == true ? FieldPath.Child(FieldPath.Child(exporter.Path, "tls"), "insecure") : FieldPath.Child(exporter.Path, "endpoint"),
                    $"exporter {exporter.Key.Text} of collector {config.Collector.Workload} (namespace {from}) sends to {text} in namespace {to} with {how}: spans cross namespaces unencrypted");
            }
        }
    }
}
