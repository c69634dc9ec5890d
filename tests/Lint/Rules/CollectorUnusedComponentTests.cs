using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class CollectorUnusedComponentTests
{
    private readonly CollectorUnusedComponent _rule = new();

    [Fact]
    public void Check_ExporterDefinedButNotInAnyPipeline_NamesItAndTheConfigMap()
    {
        var config = Config(exporters: "debug: {}\notlp_grpc/tempo:\n  endpoint: tempo:4317");

        var finding = Assert.Single(Check(_rule, Collector(config)));

        Assert.Equal("exporter \"otlp_grpc/tempo\" is defined in ConfigMap \"otel-collector-config\" but no pipeline in service.pipelines uses it, so the collector never starts it", finding.Message);
        Assert.Equal(ConfigOffset + 10, finding.Line);
    }

    [Fact]
    public void Check_ExtensionUsedOnlyAsAuthenticatorButNotInServiceExtensions_IsUnused()
    {
        var config = Config(
            exporters: "debug: {}\notlp_grpc/tempo:\n  endpoint: tempo:4317\n  auth:\n    authenticator: bearertokenauth",
            pipelineExporters: "[debug, otlp_grpc/tempo]",
            extensions: "health_check:\n  endpoint: 0.0.0.0:13133\nbearertokenauth:\n  filename: /token");

        var finding = Assert.Single(Check(_rule, Collector(config, "otel/opentelemetry-collector-contrib:0.159.0")));

        Assert.Contains("extension \"bearertokenauth\" is defined in ConfigMap \"otel-collector-config\" but service.extensions does not list it", finding.Message);
    }

    [Fact]
    public void Check_EveryComponentInAPipelineOrTheServiceExtensions_IsSilent()
    {
        Assert.Empty(Check(_rule, Collector(Config())));
    }
}
