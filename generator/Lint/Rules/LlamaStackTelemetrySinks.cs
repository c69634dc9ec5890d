using Generator.Documents;
using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// LlamaStack 0.2.x sends spans to an OTLP endpoint only through its meta-reference telemetry provider's otel_trace sink,
/// and TELEMETRY_SINKS defaults to console,sqlite: a 0.2.x server with an OTLP endpoint but without otel_trace exports no
/// span over OTLP. Before 0.2.15 no variable helps at all: the provider reads its endpoint only from the run.yaml field
/// otel_trace_endpoint (0.2.0 to 0.2.12 default it to localhost; 0.2.13 and 0.2.14 refuse to start with otel_trace on
/// and the field unset), so the finding says that a run.yaml override is needed. Only where the image tag tells the
/// release (<see cref="LlamaStackServer"/>); a warning, like the other wiring a cluster would run without traces.
/// </summary>
public sealed class LlamaStackTelemetrySinks : ILintRule
{
    public RuleInfo Info { get; } = new(
        "llamastack-telemetry-sinks",
        Severity.Warning,
        "A LlamaStack 0.2.x server sets an OTLP endpoint, but otel_trace is not in TELEMETRY_SINKS (or the release reads its endpoint only from run.yaml): no span leaves over OTLP.",
        "On 0.2.15 and later 0.2.x add otel_trace to TELEMETRY_SINKS (e.g. console,sqlite,otel_trace); on older 0.2.x set otel_trace_endpoint and the sinks in the telemetry provider's config of the run.yaml (LlamaStackDistribution spec.server.userConfig).");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var workload in context.Workloads)
        {
            foreach (var container in workload.Containers)
            {
                if (context.ServerOf(container) is not { Export: SpanExport.TelemetrySinks, Generation: { } generation } server || server.SinksUnreadable
                    || Endpoint(container) is not { } endpoint)
                {
                    continue;
                }

                var sinks = server.TelemetrySinks;
                var sinksText = sinks is null ? $"{LlamaStackGenerations.TelemetrySinksEnv} is unset (so {LlamaStackGenerations.DefaultSinks})" : $"{LlamaStackGenerations.TelemetrySinksEnv} is \"{sinks.Value!.Text}\"";
                var withOtelTrace = server.HasSink(LlamaStackGenerations.OtelTraceSinkPattern);
                string message;
                if (generation.RunYamlProblem is { } problem)
                {
                    message = $"{server.Describe} does not read {endpoint.Name} {endpoint.Value!.Text} of container \"{container.Name}\": {problem}; "
                        + $"traces need a run.yaml override (telemetry provider config: otel_trace_endpoint: {TracesUrl(endpoint)} and sinks with {LlamaStackGenerations.OtelTraceSink})";
                }
                else if (!withOtelTrace)
                {
                    message = $"{server.Describe} exports spans over OTLP only with {LlamaStackGenerations.OtelTraceSink} among its sinks, but {sinksText}: "
                        + $"{endpoint.Name} {endpoint.Value!.Text} of container \"{container.Name}\" gets no span; add {LlamaStackGenerations.OtelTraceSink} to {LlamaStackGenerations.TelemetrySinksEnv}";
                }
                else
                {
                    continue;
                }

                var (node, path) = sinks is null ? (endpoint.Value, endpoint.Path) : (sinks.Value, sinks.Path);
                yield return LintContext.Report(Info, workload.Manifest, node, FieldPath.Child(path, "value"), message);
            }
        }
    }

    /// <summary>The traces URL an endpoint variable means: the traces variable as it is, the base one with /v1/traces.</summary>
    private static string TracesUrl(EnvView endpoint) =>
        endpoint.Name == OtlpFacts.TracesEndpointEnv ? endpoint.Value!.Text : endpoint.Value!.Text.TrimEnd('/') + OtlpFacts.TracesPath;

    private static EnvView? Endpoint(ContainerView container) =>
        OtlpRoute.Literal(container, OtlpFacts.TracesEndpointEnv) ?? OtlpRoute.Literal(container, OtlpFacts.EndpointEnv);
}
