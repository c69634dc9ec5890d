using Generator.Blueprints;
using Generator.Facts;

namespace Generator.Model;

/// <summary>
/// The LlamaStack generation the server runs, from <c>llamaStack.kind</c> and <c>llamaStack.version</c>
/// (<see cref="LlamaStackGenerations"/>), and each choice that follows from it: the env vars, the start-up hook, the
/// collector's metrics pipeline.
/// </summary>
public static class Generation
{
    public static readonly Str Kind = V.Str("llamaStack.kind");

    /// <summary>The server is an OGXServer (else a LlamaStackDistribution).</summary>
    public static readonly Flag Ogx = Kind.Is(OgxFacts.Kind);

    public static readonly Flag Distribution = !Ogx;

    public static readonly Str Version = V.Str("llamaStack.version");

    /// <summary>The generation's id: <c>ogx</c> for an OGXServer, else the one whose releases include the version (the options schema admits no other).</summary>
    public static readonly Str Id = IdOf()
        .Named("llamaStack.generation", "The LlamaStack generation the server runs (ogx for an OGXServer, else from llamaStack.version): it decides the env vars, the start-up hook and the metrics pipeline.");

    /// <summary>0.2.15 and later 0.2.x: spans leave only with otel_trace in TELEMETRY_SINKS.</summary>
    public static readonly Flag TelemetrySinks = Where(g => g.NeedsTelemetrySinks);

    /// <summary>0.2.x: the meta-reference telemetry provider exports only through its sinks (no metrics without otel_metric).</summary>
    public static readonly Flag SinksExport = Where(g => g.Export == SpanExport.TelemetrySinks);

    /// <summary>Older 0.2.x: traces need a run.yaml override this tool cannot make.</summary>
    public static readonly Flag RunYamlNeeded = Where(g => g.RunYamlProblem is not null);

    /// <summary>0.2.x and 0.3.x: the tracing module with the two trace-context bugs is there for the hook to fix.</summary>
    public static readonly Flag TracingFix = Where(g => g.Hook == StartupHook.TracingFix);

    /// <summary>0.4 to 0.6: nothing installs a tracer provider unless the hook does.</summary>
    public static readonly Flag TracerProvider = Where(g => g.Hook == StartupHook.TracerProvider);

    public static readonly Flag AutoInstrumented = Where(g => g.Export == SpanExport.AutoInstrumentation);

    /// <summary>The 0.3.x telemetry adapter and auto-instrumentation export metrics; 0.2.x (without otel_metric) and 0.4 to 0.6 export none.</summary>
    public static readonly Flag ExportsMetrics = Where(g => g.Export is SpanExport.TelemetryAdapter or SpanExport.AutoInstrumentation);

    /// <summary>llamaStack.metrics=none: no metrics pipeline, and OTEL_METRICS_EXPORTER=none.</summary>
    public static readonly Flag MetricsNone = V.Str("llamaStack.metrics").Is("none");

    private static Str IdOf()
    {
        Str id = string.Empty;
        foreach (var generation in LlamaStackGenerations.All.Reverse())
        {
            id = Version.Matches(generation.VersionPattern).Then(generation.Id, id);
        }

        return Ogx.Then(LlamaStackGenerations.Ogx.Id, id);
    }

    private static Flag Where(Func<LlamaStackGeneration, bool> holds) =>
        Id.IsOneOf([.. LlamaStackGenerations.AllWithOgx.Where(holds).Select(g => g.Id)]);
}
