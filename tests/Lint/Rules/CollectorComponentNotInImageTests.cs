using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class CollectorComponentNotInImageTests
{
    private readonly CollectorComponentNotInImage _rule = new();

    private static string WithExporter(string type) =>
        Config(exporters: $"{type}/tempo:\n  endpoint: tempo:4317\n  tls:\n    insecure: true", pipelineExporters: $"[{type}/tempo]");

    [Theory]
    [InlineData("0.143.1", true)]
    [InlineData("0.144.0", false)]
    public void Check_NewExporterNameBeforeTheRename_FailsOnlyOnOlderReleases(string tag, bool fires)
    {
        var findings = Check(_rule, Collector(WithExporter("otlp_grpc"), $"otel/opentelemetry-collector-contrib:{tag}"));

        if (fires)
        {
            var finding = Assert.Single(findings);
            Assert.Contains($"type otlp_grpc exists since collector 0.144.0 (the new name of otlp), but image otel/opentelemetry-collector-contrib:{tag} is {tag}", finding.Message);
            Assert.Contains("use otlp on this version", finding.Message);
        }
        else
        {
            Assert.Empty(findings);
        }
    }

    [Fact]
    public void Check_TagWithoutVersion_SkipsTheVersionCheckButNotTheDistributionCheck()
    {
        var config = Config(exporters: "otlp_grpc/tempo:\n  endpoint: tempo:4317", pipelineExporters: "[otlp_grpc/tempo]",
            extensions: "health_check: {}\nbearertokenauth:\n  filename: /token", serviceExtensions: "[health_check, bearertokenauth]");

        var finding = Assert.Single(Check(_rule, Collector(config, "ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector@sha256:0123")));

        Assert.Contains("extension \"bearertokenauth\"", finding.Message);
        Assert.Contains("use an image that contains it, e.g. ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib:0.159.0", finding.Message);
    }

    [Fact]
    public void Check_ContribOnlyComponentOnContribImage_IsFine()
    {
        var config = Config(extensions: "health_check: {}\nbearertokenauth:\n  filename: /token", serviceExtensions: "[health_check, bearertokenauth]");

        Assert.Empty(Check(_rule, Collector(config, "otel/opentelemetry-collector-contrib:0.159.0")));
    }
}
