using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// An OTLP receiver accepts a signal only when a pipeline of that signal takes it: the collector's otlpreceiver
/// registers its traces handler (the HTTP path /v1/traces, the gRPC trace service) only for a traces pipeline. A server
/// that exports traces to a receiver no traces pipeline takes gets 404 or Unimplemented on every export, and every span is
/// dropped. Skipped where the container's traces exporter is off (OTEL_TRACES_EXPORTER=none) or a 0.2.x LlamaStack without
/// the otel_trace sink exports none (llamastack-telemetry-sinks says so).
/// </summary>
public sealed class OtlpTracesPipelineMissing : ILintRule
{
    public RuleInfo Info { get; } = new(
        "otlp-traces-pipeline-missing",
        Severity.Error,
        "A workload exports traces to an OTLP receiver that no traces pipeline of the collector takes: every span is dropped.",
        "Add the receiver to a traces pipeline of the collector's config (service.pipelines.traces.receivers), or point the endpoint at a receiver that one takes.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var route in context.OtlpRoutes.Where(r => r.Listener is not null && !r.Signals.Contains("traces")))
        {
            if (OtlpRoute.Literal(route.Container, LlamaStackGenerations.TracesExporterEnv)?.Value?.Text == "none"
                || context.ServerOf(route.Container) is { Export: SpanExport.TelemetrySinks } server && !server.HasSink(LlamaStackGenerations.OtelTraceSinkPattern))
            {
                continue;
            }

            yield return LintContext.Report(Info, route.Workload.Manifest, route.Env,
                $"{route.Describe} reaches {route.ListenerDescription}, but no traces pipeline takes that receiver in {route.SignalSource}: "
                + "the receiver refuses spans (404 on /v1/traces, Unimplemented over gRPC) and every span is dropped");
        }
    }
}
