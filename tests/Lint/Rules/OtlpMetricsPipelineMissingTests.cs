using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class OtlpMetricsPipelineMissingTests
{
    private const string Endpoint = "http://otel-collector.tracing.svc:4318";

    private readonly OtlpMetricsPipelineMissing _rule = new();

    private static readonly string TracesOnly = Collector(ns: "tracing");

    /// <summary>The harness config with a metrics pipeline beside the traces one.</summary>
    private static readonly string WithMetrics = Collector(Config() + "\n    metrics:\n      receivers: [otlp]\n      exporters: [debug]\n", ns: "tracing");

    private static string Upstream(string tag, params (string Name, string Value)[] env) =>
        Server("tracing", "docker.io/llamastack/distribution-starter:" + tag, [("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint), .. env]);

    [Fact]
    public void Check_0_3_x_ExportsMetricsWheneverTheEndpointIsSet()
    {
        var finding = Assert.Single(Check(_rule, TracesOnly, Upstream("0.3.5")));

        Assert.Contains("but no metrics pipeline takes that receiver in the pipelines of ConfigMap \"otel-collector-config\" (traces), and LlamaStack 0.3.5 (image tag 0.3.5) exports OTLP metrics whenever OTEL_EXPORTER_OTLP_ENDPOINT is set: each metrics export gets an error", finding.Message);
    }

    [Fact]
    public void Check_0_3_x_WithMetricsExporterNone_StillExports()
    {
        var finding = Assert.Single(Check(_rule, TracesOnly, Upstream("0.3.5", ("OTEL_METRICS_EXPORTER", "none"))));

        Assert.Contains("(OTEL_METRICS_EXPORTER=none does not stop it)", finding.Message);
    }

    [Theory]
    [InlineData("0.7.1")]
    [InlineData("0.4.2")]
    public void Check_UpstreamImagesFrom0_4_AreAutoInstrumented_UnlessMetricsAreOff(string tag)
    {
        var finding = Assert.Single(Check(_rule, TracesOnly, Upstream(tag)));

        Assert.Contains($"LlamaStack {tag} (image tag {tag}) runs under opentelemetry-instrument, which exports OTLP metrics", finding.Message);
        Assert.Empty(Check(_rule, TracesOnly, Upstream(tag, ("OTEL_METRICS_EXPORTER", "none"))));
    }

    [Fact]
    public void Check_AnOgxServer_IsAutoInstrumented()
    {
        var ogx = Ogx(ns: "tracing", workload: "overrides:\n  env:\n    - name: OTEL_EXPORTER_OTLP_ENDPOINT\n      value: " + Endpoint);

        var finding = Assert.Single(Check(_rule, TracesOnly, ogx));

        Assert.Contains("OGX (OGXServer) runs under opentelemetry-instrument", finding.Message);
    }

    [Fact]
    public void Check_UnknownGeneration_SaysItCannotTell()
    {
        var server = LlamaStack(container: Env(("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint)), ns: "tracing");

        var finding = Assert.Single(Check(_rule, TracesOnly, server));

        Assert.Contains("whether the LlamaStack server (distribution name rh-dev, which the operator resolves) exports metrics cannot be told", finding.Message);
        Assert.Contains("if it does, each metrics export gets an error", finding.Message);
    }

    [Fact]
    public void Check_UnknownGenerationWithMetricsExporterNone_IsTakenAtItsWord()
    {
        var server = LlamaStack(container: Env(("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint), ("OTEL_METRICS_EXPORTER", "none")), ns: "tracing");

        Assert.Empty(Check(_rule, TracesOnly, server));
    }

    [Fact]
    public void Check_0_2_x_ExportsMetricsOnlyWithTheOtelMetricSink()
    {
        Assert.Empty(Check(_rule, TracesOnly, Upstream("0.2.22", ("TELEMETRY_SINKS", "otel_trace"))));
        var finding = Assert.Single(Check(_rule, TracesOnly, Upstream("0.2.22", ("TELEMETRY_SINKS", "otel_trace,otel_metric"))));

        Assert.Contains("has the otel_metric sink", finding.Message);
    }

    [Fact]
    public void Check_AMetricsPipeline_OrAnotherApplication_IsSilent()
    {
        Assert.Empty(Check(_rule, WithMetrics, Upstream("0.3.5")));
        Assert.Empty(Check(_rule, TracesOnly, App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint))));
    }

    [Fact]
    public void Check_StraightToTempo_SaysTempoStoresTracesOnly()
    {
        var server = Server("observability", "llamastack/distribution-starter:0.3.5", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://tempo-tracing:4318"));

        var finding = Assert.Single(Check(_rule, Tempo(), server));

        Assert.Contains("TempoMonolithic observability/tracing, which stores traces only", finding.Message);
    }
}
