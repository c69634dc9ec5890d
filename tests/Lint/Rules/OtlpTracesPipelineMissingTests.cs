using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class OtlpTracesPipelineMissingTests
{
    private const string Endpoint = "http://otel-collector.tracing.svc:4318";

    private readonly OtlpTracesPipelineMissing _rule = new();

    /// <summary>The harness config with its one pipeline renamed: the otlp receiver then serves only that signal.</summary>
    private static string CollectorWithPipeline(string pipeline) =>
        Collector(Config().Replace("    traces:\n", $"    {pipeline}:\n", StringComparison.Ordinal), ns: "tracing");

    [Fact]
    public void Check_ReceiverOnlyInAMetricsPipeline_IsAnErrorNamingThePipelines()
    {
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));

        var finding = Assert.Single(Check(_rule, CollectorWithPipeline("metrics"), app));

        Assert.Equal(Generator.Findings.Severity.Error, finding.Severity);
        Assert.Contains("reaches receiver otlp (HTTP, port 4318) of Deployment tracing/otel-collector, but no traces pipeline takes that receiver in the pipelines of ConfigMap \"otel-collector-config\" (metrics)", finding.Message);
        Assert.Contains("every span is dropped", finding.Message);
        Assert.EndsWith("env[0].value", finding.Path);
    }

    [Fact]
    public void Check_ANamedTracesPipeline_CountsAsTraces()
    {
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint));

        Assert.Empty(Check(_rule, CollectorWithPipeline("traces/llamastack"), app));
    }

    [Fact]
    public void Check_TracesExporterOff_OrA0_2ServerWithoutOtelTrace_IsSilent()
    {
        var off = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint), ("OTEL_TRACES_EXPORTER", "none"));
        var noSink = Server("tracing", "llamastack/distribution-starter:0.2.22", ("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint));
        var withSink = Server("tracing", "llamastack/distribution-starter:0.2.22", ("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint), ("TELEMETRY_SINKS", "otel_trace"));

        Assert.Empty(Check(_rule, CollectorWithPipeline("metrics"), off));
        Assert.Empty(Check(_rule, CollectorWithPipeline("metrics"), noSink));
        Assert.Single(Check(_rule, CollectorWithPipeline("metrics"), withSink));
    }

    [Fact]
    public void Check_AnOgxServer_GoesThroughTheRuleToo()
    {
        var ogx = Ogx(ns: "tracing", workload: $"overrides:\n  {Env(("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint)).Replace("\n", "\n  ", StringComparison.Ordinal).TrimEnd()}");

        var finding = Assert.Single(Check(_rule, CollectorWithPipeline("logs"), ogx));

        Assert.Contains("of container \"ogx\" reaches receiver otlp", finding.Message);
        Assert.Equal("spec.workload.overrides.env[0].value", finding.Path);
    }
}
