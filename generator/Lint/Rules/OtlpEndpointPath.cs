using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// OTLP/HTTP SDKs append <c>/v1/traces</c> to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> but use
/// <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> as it is. A base URL that already ends in /v1/traces makes spans go to
/// /v1/traces/v1/traces, and a traces URL without it sends them to the wrong path: the receiver answers 404 and the SDK
/// drops every batch. gRPC ignores the path, so an explicit grpc protocol is left alone.
/// </summary>
public sealed class OtlpEndpointPath : ILintRule
{
    public RuleInfo Info { get; } = new(
        "otlp-endpoint-path",
        Severity.Error,
        "An OTLP/HTTP endpoint has the wrong path: the base endpoint already ends in /v1/traces, or the traces endpoint lacks it.",
        "Give OTEL_EXPORTER_OTLP_ENDPOINT the base URL only (http://host:4318), or give OTEL_EXPORTER_OTLP_TRACES_ENDPOINT the full URL ending in /v1/traces.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var workload in context.Workloads)
        {
            foreach (var container in workload.AllContainers)
            {
                var protocol = OtlpRoute.ProtocolEnvOf(container)?.Value?.Text;
                if (OtlpRoute.Literal(container, OtlpFacts.EndpointEnv) is { } based && protocol != OtlpFacts.Grpc
                    && PathOf(based) is { } basePath && basePath.EndsWith(OtlpFacts.TracesPath, StringComparison.Ordinal))
                {
                    yield return LintContext.Report(Info, workload.Manifest, based,
                        $"{based.Name} {based.Value!.Text} of container \"{container.Name}\" already ends in {OtlpFacts.TracesPath}: SDKs append "
                        + $"{OtlpFacts.TracesPath} to this base URL, so spans go to {basePath}{OtlpFacts.TracesPath}; drop the path, or set {OtlpFacts.TracesEndpointEnv} to this URL instead");
                }

                if (OtlpRoute.Literal(container, OtlpFacts.TracesEndpointEnv) is { } traces && protocol?.StartsWith("http/", StringComparison.Ordinal) == true
                    && PathOf(traces) is { } tracesPath && !tracesPath.EndsWith(OtlpFacts.TracesPath, StringComparison.Ordinal))
                {
                    yield return LintContext.Report(Info, workload.Manifest, traces,
                        $"{traces.Name} {traces.Value!.Text} of container \"{container.Name}\" is used as it is, so spans go to "
                        + $"\"{(tracesPath.Length == 0 ? "/" : tracesPath)}\" instead of a path ending in {OtlpFacts.TracesPath}; append {OtlpFacts.TracesPath}");
                }
            }
        }
    }

    private static string? PathOf(EnvView env) => Endpoint.Parse(env.Value!.Text)?.Path.TrimEnd('/');
}
