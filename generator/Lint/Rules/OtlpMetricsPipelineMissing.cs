using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// LlamaStack 0.3.x exports OTLP metrics to the same endpoint as its spans whenever OTEL_EXPORTER_OTLP_ENDPOINT is set,
/// and so does every server run under opentelemetry-instrument (0.7 and later, the upstream images from 0.4, OGX) unless
/// OTEL_METRICS_EXPORTER is none. An OTLP receiver that no metrics pipeline takes answers each of those exports with an
/// error (404 over HTTP), which the server logs on every export interval; the spans are not affected, hence a warning.
/// Fires for LlamaStack servers only (<see cref="LlamaStackServer"/>): where the generation cannot be told, it says so.
/// </summary>
public sealed class OtlpMetricsPipelineMissing : ILintRule
{
    public RuleInfo Info { get; } = new(
        "otlp-metrics-pipeline-missing",
        Severity.Warning,
        "A LlamaStack server exports OTLP metrics to a receiver that no metrics pipeline takes: every metrics export fails.",
        "Add a metrics pipeline with that receiver to the collector's config (e.g. the debug exporter at verbosity basic), or set OTEL_METRICS_EXPORTER=none where the server reads it (not 0.3.x, whose metric exporter is hard-wired).");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var route in context.OtlpRoutes.Where(r => r.Listener is not null && !r.Signals.Contains("metrics")))
        {
            // Of unknown generation with OTEL_METRICS_EXPORTER=none: the server asked for no metrics; only 0.3.x and
            // RHOAI 3.4's image would export anyway, and warning every other server (the renders of 0.2.x among them) would be noise.
            if (context.ServerOf(route.Container) is not { } server || server.ExportsMetrics == false
                || (server.ExportsMetrics is null && server.MetricsExporter == "none"))
            {
                continue;
            }

            var why = server.Export switch
            {
                SpanExport.TelemetryAdapter => $"{server.Describe} exports OTLP metrics whenever {OtlpFacts.EndpointEnv} is set"
                    + (server.MetricsExporter == "none" ? $" ({LlamaStackGenerations.MetricsExporterEnv}=none does not stop it)" : string.Empty),
                SpanExport.TelemetrySinks => $"{server.Describe} has the {LlamaStackGenerations.OtelMetricSink} sink, so it exports OTLP metrics",
                SpanExport.AutoInstrumentation => $"{server.Describe} runs under opentelemetry-instrument, which exports OTLP metrics ({LlamaStackGenerations.MetricsExporterEnv} is not none)",
                _ => $"whether {server.Describe} exports metrics cannot be told: LlamaStack 0.3.x and every server run under opentelemetry-instrument do, to this endpoint",
            };
            var outcome = server.ExportsMetrics is null ? "if it does, each metrics export gets an error" : "each metrics export gets an error";
            yield return LintContext.Report(Info, route.Workload.Manifest, route.Env,
                $"{route.Describe} reaches {route.ListenerDescription}, but no metrics pipeline takes that receiver in {route.SignalSource}, and {why}: "
                + $"{outcome}, which the server logs on every export interval");
        }
    }
}
