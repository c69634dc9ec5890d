using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class CollectorRemovedComponentTests
{
    private readonly CollectorRemovedComponent _rule = new();

    private static readonly string LoggingConfig = Config(exporters: "logging:\n  verbosity: basic", pipelineExporters: "[logging]");

    [Fact]
    public void Check_LoggingExporterFrom0111_NamesVersionImageAndReplacement()
    {
        var finding = Assert.Single(Check(_rule, Collector(LoggingConfig, "otel/opentelemetry-collector:0.159.0")));

        Assert.Equal(
            "exporter \"logging\" in ConfigMap \"otel-collector-config\": type logging was removed in collector 0.111.0, and image otel/opentelemetry-collector:0.159.0 is 0.159.0, so the collector fails at start-up; use debug instead",
            finding.Message);
        Assert.Equal(ConfigOffset + 9, finding.Line);
    }

    [Theory]
    [InlineData("otel/opentelemetry-collector:0.110.0")]
    [InlineData("otel/opentelemetry-collector:custom-build")]
    public void Check_LoggingExporterBeforeRemovalOrWithoutVersion_IsNotReported(string image)
    {
        Assert.Empty(Check(_rule, Collector(LoggingConfig, image)));
    }
}
