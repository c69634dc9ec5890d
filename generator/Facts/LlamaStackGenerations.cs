using System.Text.RegularExpressions;

namespace Generator.Facts;

/// <summary>How the spans of a server process leave it, as the server's own code and its image's entrypoint decide.</summary>
public enum SpanExport
{
    /// <summary>The meta-reference telemetry provider: an OTLP/HTTP span exporter only when TELEMETRY_SINKS names otel_trace.</summary>
    TelemetrySinks,

    /// <summary>The 0.3.x telemetry adapter: a TracerProvider with OTLP/HTTP span and metric exporters whenever OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
    TelemetryAdapter,

    /// <summary>The code makes spans through the OpenTelemetry API, but nothing installs a TracerProvider: nothing is exported.</summary>
    NoProvider,

    /// <summary>The entrypoint runs the server under <c>opentelemetry-instrument</c> (opentelemetry-distro: traces and metrics, OTLP/gRPC by default).</summary>
    AutoInstrumentation,
}

/// <summary>What the start-up hook (templates/tracing-fix/sitecustomize.py) does for a generation.</summary>
public enum StartupHook
{
    /// <summary>Patches the two trace-context bugs of <c>llama_stack/providers/utils/telemetry/tracing.py</c>.</summary>
    TracingFix,

    /// <summary>Installs an SDK TracerProvider with a batch processor and the OTLP/HTTP span exporter when none is set.</summary>
    TracerProvider,

    /// <summary>Nothing to do: the entrypoint's <c>opentelemetry-instrument</c> puts its own sitecustomize first, so ours is never imported.</summary>
    None,
}

/// <summary>
/// One LlamaStack generation: the releases that emit traces the same way, the Red Hat OpenShift AI releases that ship one
/// of them, and what it takes for their spans (and metrics) to reach a collector.
/// </summary>
/// <param name="VersionPattern">The releases, as a pattern .NET, Go RE2 and ECMA-262 read alike, over exactly x.y.z.</param>
/// <param name="Id">A short stable name (the chart's <c>llamaStack.generation</c> helper prints it).</param>
/// <param name="Releases">The releases, for messages: <c>0.2.15 to 0.2.x</c>.</param>
/// <param name="Rhoai">The RHOAI releases whose server image runs one of these releases, with that release.</param>
/// <param name="TracingModule">Whether the image has the tracing module with the two trace-context bugs.</param>
/// <param name="Export">How spans leave the process in the RHOAI image (for 0.4 and later the upstream images differ: <see cref="LlamaStackGenerations.UpstreamAutoInstrumentationSince"/>).</param>
/// <param name="RunYamlProblem">Why the environment alone cannot send spans to an OTLP endpoint (a run.yaml override is needed); null when it can.</param>
public sealed record LlamaStackGeneration(
    string Id,
    string Releases,
    string VersionPattern,
    string Rhoai,
    bool TracingModule,
    SpanExport Export,
    string? RunYamlProblem = null)
{
    /// <summary>What the start-up hook does here.</summary>
    public StartupHook Hook => TracingModule ? StartupHook.TracingFix : Export == SpanExport.NoProvider ? StartupHook.TracerProvider : StartupHook.None;

    /// <summary>Whether TELEMETRY_SINKS with otel_trace (and OTEL_EXPORTER_OTLP_ENDPOINT) is what sends spans.</summary>
    public bool NeedsTelemetrySinks => Export == SpanExport.TelemetrySinks && RunYamlProblem is null;

    /// <summary>
    /// Whether the span exporter is OTLP/HTTP whatever OTEL_EXPORTER_OTLP_PROTOCOL says: the server's own code (0.2.x,
    /// 0.3.x) or the start-up hook (0.4 to 0.6, whose RHOAI image has only the HTTP exporter) constructs the HTTP class.
    /// </summary>
    public bool HttpOnly => Export != SpanExport.AutoInstrumentation;

    public bool Matches(string release) => Regex.IsMatch(release, VersionPattern, RegexOptions.CultureInvariant);
}

/// <summary>
/// The LlamaStack and OGX generations and how each emits traces (the README's generations table is this, with its
/// sources). Read from upstream github ogx-ai/ogx (formerly meta-llama/llama-stack) at the tags named, and from
/// github opendatahub-io/llama-stack-distribution (the RHOAI server image, a branch per release):
/// <list type="bullet">
/// <item>0.2.0–0.2.12: <c>llama_stack/providers/inline/telemetry/meta_reference/config.py</c> has
/// <c>otel_trace_endpoint</c> defaulting to <c>http://localhost:4318/v1/traces</c> and telemetry.py passes it to the
/// exporter, so OTEL_EXPORTER_OTLP_ENDPOINT is not read; RHOAI 2.22's run.yaml (rhoai-v2.22 1a9204d01010,
/// redhat-distribution/run.yaml) sets no endpoint.</item>
/// <item>0.2.13–0.2.14: the field defaults to None and telemetry.py raises "otel_trace_endpoint is required when
/// OTEL_TRACE is enabled"; RHOAI 2.23's run.yaml (rhoai-v2.23 093396cb44c5) sets only otel_exporter_otlp_endpoint,
/// a field 0.2.14 does not have.</item>
/// <item>0.2.15 and later 0.2.x: field <c>otel_exporter_otlp_endpoint</c>, set from
/// <c>${env.OTEL_EXPORTER_OTLP_ENDPOINT:=}</c> (sample_run_config and the RHOAI 2.24/2.25 run.yaml), sinks from
/// <c>${env.TELEMETRY_SINKS:=console,sqlite}</c>; telemetry.py constructs
/// <c>opentelemetry.exporter.otlp.proto.http</c>'s OTLPSpanExporter() when otel_trace is a sink.</item>
/// <item>0.3.x: v0.3.5 <c>…/meta_reference/telemetry.py</c> lines 58–80 install a TracerProvider with the HTTP span
/// exporter and a MeterProvider with the HTTP metric exporter whenever OTEL_EXPORTER_OTLP_ENDPOINT is set.</item>
/// <item>0.4.0 removed <c>llama_stack/providers/utils/telemetry/tracing.py</c> (PR #4127); no source of v0.4.0 to v0.7.1
/// calls set_tracer_provider (git grep). RHOAI 3.3 (rhoai-v3.3 280a4c6708cb) installs opentelemetry-sdk and
/// opentelemetry-exporter-otlp-proto-http and its distribution/entrypoint.sh runs <c>llama stack run</c> directly.</item>
/// <item>RHOAI 3.4 (rhoai-v3.4 6ae4ebd5eec9): distribution/entrypoint.sh execs <c>opentelemetry-instrument
/// --traces_exporter=otlp --metrics_exporter=otlp --service_name=$OTEL_SERVICE_NAME</c> when OTEL_SERVICE_NAME is
/// non-empty.</item>
/// <item>Upstream images (<c>containers/Containerfile</c>): since commit 4237eb4aa (2025-12-03, PR #4281), first in tag
/// v0.4.0 and in every tag up to v0.7.1, the entrypoint prefixes <c>opentelemetry-instrument</c> when any OTEL_*
/// variable is set; v0.3.5's entrypoint does not. OGX main (379d0720c, 2026-04-24) keeps that test in
/// ogx-entrypoint.sh.</item>
/// </list>
/// </summary>
public static class LlamaStackGenerations
{
    /// <summary>The sink that sends 0.2.x spans to an OTLP endpoint.</summary>
    public const string OtelTraceSink = "otel_trace";

    public const string TelemetrySinksEnv = "TELEMETRY_SINKS";

    /// <summary>The sinks 0.2.x uses when TELEMETRY_SINKS is unset (its run.yaml's default).</summary>
    public const string DefaultSinks = "console,sqlite";

    /// <summary>The metrics exporter variable of opentelemetry-distro; <c>none</c> turns metric export off where it is read.</summary>
    public const string MetricsExporterEnv = "OTEL_METRICS_EXPORTER";

    public const string TracesExporterEnv = "OTEL_TRACES_EXPORTER";

    /// <summary>Whether a TELEMETRY_SINKS value names otel_trace (comma-separated, spaces allowed around items).</summary>
    public const string OtelTraceSinkPattern = "(^|,) *" + OtelTraceSink + " *(,|$)";

    /// <summary>The sink that sends 0.2.x metrics to an OTLP endpoint.</summary>
    public const string OtelMetricSink = "otel_metric";

    public const string OtelMetricSinkPattern = "(^|,) *" + OtelMetricSink + " *(,|$)";

    /// <summary>The upstream images (github ogx-ai/ogx containers/Containerfile) run the server under opentelemetry-instrument from this release on.</summary>
    public const string UpstreamAutoInstrumentationSince = "0.4.0";

    /// <summary>The release patterns of the generations, over exactly x.y.z (see <see cref="LlamaStackGeneration.VersionPattern"/>).</summary>
    public const string TraceEndpointDefaultPattern = "^0\\.2\\.([0-9]|1[0-2])$";

    public const string TraceEndpointRequiredPattern = "^0\\.2\\.1[34]$";

    public const string TelemetrySinksPattern = "^0\\.2\\.(1[5-9]|[2-9][0-9]|[1-9][0-9]{2,})$";

    public const string TelemetryAdapterPattern = "^0\\.3\\.[0-9]+$";

    public const string NoProviderPattern = "^0\\.[4-6]\\.[0-9]+$";

    public const string AutoInstrumentedPattern = "^(0\\.([7-9]|[1-9][0-9]+)|[1-9][0-9]*\\.[0-9]+)\\.[0-9]+$";

    /// <summary>The releases the tool knows (x.y.z, 0.2.0 or later): any generation's pattern.</summary>
    public const string ReleasePattern = TraceEndpointDefaultPattern + "|" + TraceEndpointRequiredPattern + "|" + TelemetrySinksPattern + "|"
        + TelemetryAdapterPattern + "|" + NoProviderPattern + "|" + AutoInstrumentedPattern;

    public static readonly LlamaStackGeneration TraceEndpointDefault = new(
        "0.2.0-0.2.12", "0.2.0 to 0.2.12", TraceEndpointDefaultPattern, "2.22 (0.2.10)", TracingModule: true, SpanExport.TelemetrySinks,
        "it sends spans to the run.yaml field otel_trace_endpoint, which defaults to http://localhost:4318/v1/traces and reads no variable");

    public static readonly LlamaStackGeneration TraceEndpointRequired = new(
        "0.2.13-0.2.14", "0.2.13 and 0.2.14", TraceEndpointRequiredPattern, "2.23 (0.2.14)", TracingModule: true, SpanExport.TelemetrySinks,
        "with otel_trace on it needs the run.yaml field otel_trace_endpoint, which reads no variable: unset, the server refuses to start (\"otel_trace_endpoint is required\")");

    public static readonly LlamaStackGeneration TelemetrySinks = new(
        "0.2.15-0.2.x", "0.2.15 to 0.2.x", TelemetrySinksPattern, "2.24 (0.2.18), 2.25 (0.2.22)", TracingModule: true, SpanExport.TelemetrySinks);

    public static readonly LlamaStackGeneration TelemetryAdapter = new(
        "0.3.x", "0.3.x", TelemetryAdapterPattern, "3.0 (0.3.0rc3), 3.2 (0.3.5.1)", TracingModule: true, SpanExport.TelemetryAdapter);

    public static readonly LlamaStackGeneration NoProvider = new(
        "0.4.x-0.6.x", "0.4 to 0.6", NoProviderPattern, "3.3 (0.4.2.1)", TracingModule: false, SpanExport.NoProvider);

    public static readonly LlamaStackGeneration AutoInstrumented = new(
        "0.7.x-and-later", "0.7 and later", AutoInstrumentedPattern, "3.4 (0.7.1)", TracingModule: false, SpanExport.AutoInstrumentation);

    /// <summary>OGX (RHOAI 3.5 and later): an OGXServer, whose images run the server under opentelemetry-instrument when any OTEL_* variable is set.</summary>
    public static readonly LlamaStackGeneration Ogx = new(
        "ogx", "OGX", AutoInstrumentedPattern, "3.5 and later (OGX)", TracingModule: false, SpanExport.AutoInstrumentation);

    /// <summary>The LlamaStackDistribution generations, oldest first.</summary>
    public static IReadOnlyList<LlamaStackGeneration> All { get; } =
        [TraceEndpointDefault, TraceEndpointRequired, TelemetrySinks, TelemetryAdapter, NoProvider, AutoInstrumented];

    /// <summary>Every generation, OGX last.</summary>
    public static IReadOnlyList<LlamaStackGeneration> AllWithOgx { get; } = [.. All, Ogx];

    /// <summary>
    /// A release in an image tag: an optional leading <c>v</c>, x.y.z, then the end or a <c>.</c>, <c>-</c> or <c>+</c>
    /// (a fork's <c>0.3.5.1+rhai0</c> reads as 0.3.5). RE2- and ECMA-compatible.
    /// </summary>
    public const string TagReleasePattern = "^v?[0-9]+\\.[0-9]+\\.[0-9]+([.+-]|$)";

    /// <summary>
    /// The image repositories whose tag is the server's release: the upstream distribution images (the legacy operator's
    /// defaults, docker.io/llamastack/distribution-&lt;name&gt;) and OGX's (docker.io/ogxai/distribution-&lt;name&gt;).
    /// RHOAI images are tagged with the RHOAI release, which says nothing about the llama-stack release here.
    /// </summary>
    public const string UpstreamRepository = "llamastack/distribution-[a-z0-9._-]+";

    public const string OgxRepository = "ogxai/distribution-[a-z0-9._-]+";

    /// <summary>A repository (no tag) of an upstream image.</summary>
    public const string UpstreamImagePattern = "(^|/)" + UpstreamRepository + "$";

    /// <summary>A repository (no tag) of an OGX image.</summary>
    public const string OgxImagePattern = "(^|/)" + OgxRepository + "$";

    /// <summary>A whole image reference of either family whose tag is a release (<see cref="ImageReleasePattern"/> finds it).</summary>
    public const string ReleaseTaggedImagePattern = "(^|/)(" + UpstreamRepository + "|" + OgxRepository + ")" + ImageReleasePattern;

    /// <summary>The tag of such an image as its first match (a registry port has no dots): <c>:0.7.1</c>, <c>:v0.3.5.</c>, <c>:1.3.0@</c>.</summary>
    public const string ImageReleasePattern = ":v?[0-9]+\\.[0-9]+\\.[0-9]+([.+@-]|$)";

    /// <summary>The generation of a LlamaStackDistribution release (x.y.z); null when it is older than any the tool knows.</summary>
    public static LlamaStackGeneration? Of(string release) => All.FirstOrDefault(g => g.Matches(release));

    /// <summary>The x.y.z of an image tag as <see cref="TagReleasePattern"/> reads it; null when the tag is not a release.</summary>
    public static string? ReleaseOfTag(string? tag)
    {
        var match = tag is null ? Match.Empty : Regex.Match(tag, TagReleasePattern, RegexOptions.CultureInvariant);
        return match.Success ? match.Value.TrimStart('v').TrimEnd('.', '+', '-') : null;
    }
}
