using System.Text.RegularExpressions;
using Generator.Facts;

namespace Generator.Lint.Views;

/// <summary>
/// A LlamaStack (or OGX) server container and what the manifests tell of its generation (<see cref="LlamaStackGenerations"/>):
/// an OGXServer is OGX; an image of the upstream or OGX families carries its release in its tag; a distribution name
/// (resolved by the operator) or a RHOAI image (tagged with the RHOAI release) cannot be told, and <see cref="Generation"/>
/// is then null. The main container of a LlamaStackDistribution or OGXServer is a server whatever its image; a container of
/// another workload is one when its image is of those families.
/// </summary>
public sealed class LlamaStackServer
{
    private LlamaStackServer(Workload workload, ContainerView container, LlamaStackGeneration? generation, string? release, string evidence, bool upstreamImage)
    {
        Workload = workload;
        Container = container;
        Generation = generation;
        Release = release;
        Evidence = evidence;
        Export = generation is null ? null
            : upstreamImage && release is not null && Version.Parse(release) >= Version.Parse(LlamaStackGenerations.UpstreamAutoInstrumentationSince)
                ? SpanExport.AutoInstrumentation
                : generation.Export;
        TelemetrySinks = OtlpRoute.Literal(container, LlamaStackGenerations.TelemetrySinksEnv);
        MetricsExporter = OtlpRoute.Literal(container, LlamaStackGenerations.MetricsExporterEnv)?.Value?.Text;
    }

    public Workload Workload { get; }

    public ContainerView Container { get; }

    /// <summary>The generation, when the manifests tell it.</summary>
    public LlamaStackGeneration? Generation { get; }

    /// <summary>The release (x.y.z) the image tag names, if it does.</summary>
    public string? Release { get; }

    /// <summary>How its spans leave the process: the generation's way, except that the upstream images of 0.4 and later run the server under opentelemetry-instrument.</summary>
    public SpanExport? Export { get; }

    /// <summary>What the generation was told from, or why it cannot be, for messages: <c>image tag 0.7.1</c>, <c>distribution name rh-dev, which the operator resolves</c>.</summary>
    public string Evidence { get; }

    /// <summary>For messages: <c>LlamaStack 0.7.1 (image tag 0.7.1)</c>, <c>OGX (OGXServer)</c>.</summary>
    public string Describe => Generation is null ? $"the LlamaStack server ({Evidence})"
        : Generation == LlamaStackGenerations.Ogx ? $"OGX ({Evidence})"
        : $"LlamaStack {Release} ({Evidence})";

    /// <summary>Whether its span exporter is OTLP/HTTP whatever OTEL_EXPORTER_OTLP_PROTOCOL says; null when the generation is unknown.</summary>
    public bool? HttpOnly => Export is { } export ? export != SpanExport.AutoInstrumentation : null;

    /// <summary>The literal TELEMETRY_SINKS of the container, if set (null when unset or not a literal).</summary>
    public EnvView? TelemetrySinks { get; }

    /// <summary>Whether TELEMETRY_SINKS is set, but not as a literal the manifests show (a Secret or ConfigMap key, a <c>$(VAR)</c> reference).</summary>
    public bool SinksUnreadable => TelemetrySinks is null && Container.Env.Any(e => e.Name == LlamaStackGenerations.TelemetrySinksEnv);

    /// <summary>Whether a 0.2.x server's sinks match a sink pattern (unset: the default console,sqlite).</summary>
    public bool HasSink(string sinkPattern) =>
        Regex.IsMatch(TelemetrySinks?.Value?.Text ?? LlamaStackGenerations.DefaultSinks, sinkPattern, RegexOptions.CultureInvariant);

    /// <summary>
    /// Whether the server exports OTLP metrics to its endpoint: 0.2.x with an otel_metric sink, 0.3.x always, an
    /// auto-instrumented one unless OTEL_METRICS_EXPORTER is none; null when the generation cannot be told.
    /// </summary>
    public bool? ExportsMetrics => Export switch
    {
        null => null,
        SpanExport.TelemetrySinks when SinksUnreadable => null,
        SpanExport.TelemetrySinks => HasSink(LlamaStackGenerations.OtelMetricSinkPattern),
        SpanExport.TelemetryAdapter => true,
        SpanExport.AutoInstrumentation => MetricsExporter != "none",
        _ => false,
    };

    /// <summary>The literal OTEL_METRICS_EXPORTER, if set.</summary>
    public string? MetricsExporter { get; }

    /// <summary>The server a container is, or null when it is not a LlamaStack server.</summary>
    public static LlamaStackServer? Of(Workload workload, ContainerView container)
    {
        var main = workload.OperatorBuilt && workload.Containers.Contains(container);
        var image = workload.ImageOf(container);
        var reference = image is null ? null : ImageReference.Parse(image);
        var ogxImage = reference is not null && Regex.IsMatch(reference.Repository, LlamaStackGenerations.OgxImagePattern, RegexOptions.CultureInvariant);
        var upstreamImage = reference is not null && Regex.IsMatch(reference.Repository, LlamaStackGenerations.UpstreamImagePattern, RegexOptions.CultureInvariant);
        if (!main && !ogxImage && !upstreamImage)
        {
            return null;
        }

        var release = ogxImage || upstreamImage ? LlamaStackGenerations.ReleaseOfTag(reference!.Tag) : null;
        if (workload.Manifest.Kind == OgxFacts.Kind || ogxImage)
        {
            var evidence = workload.Manifest.Kind == OgxFacts.Kind ? OgxFacts.Kind : $"image {image}";
            return new LlamaStackServer(workload, container, LlamaStackGenerations.Ogx, release, evidence, upstreamImage: false);
        }

        if (release is not null && LlamaStackGenerations.Of(release) is { } generation)
        {
            return new LlamaStackServer(workload, container, generation, release, $"image tag {reference!.Tag}", upstreamImage);
        }

        var unknown = image is not null
            ? $"image {image}, whose tag is not a llama-stack release"
            : workload.DistributionName is { } name ? $"distribution name {name}, which the operator resolves" : "no image or distribution name";
        return new LlamaStackServer(workload, container, null, null, unknown, upstreamImage);
    }
}
