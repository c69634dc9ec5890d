using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class CollectorConfigSourceTests
{
    private readonly CollectorConfigSource _rule = new();

    [Fact]
    public void Check_ConfigMapNotInBundle_PointsAtTheVolumeAndNamesTheConfigMap()
    {
        var deploymentOnly = Collector(Config()).Split("\n---\n")[1];

        var finding = Assert.Single(Check(_rule, deploymentOnly));

        Assert.Contains("ConfigMap \"otel-collector-config\" (volume \"config\"), which is not in the linted files", finding.Message);
        Assert.Contains("otel/opentelemetry-collector:0.159.0", finding.Message);
        Assert.Equal("spec.template.spec.volumes[0]", finding.Path);
    }

    [Fact]
    public void Check_EmptyConfigText_IsReportedAtTheConfigMapKey()
    {
        var finding = Assert.Single(Check(_rule, Collector("# nothing but a comment")));

        Assert.Contains("ConfigMap \"otel-collector-config\" key \"config.yaml\" is empty", finding.Message);
        Assert.Equal(7, finding.Line);
    }

    [Fact]
    public void Check_UnclosedFlowSequence_PointsIntoTheConfigMapFile()
    {
        var finding = Assert.Single(Check(_rule, Collector(Config(pipelineExporters: "[debug"))));

        Assert.Contains("is not valid YAML", finding.Message);
        Assert.True(finding.Line > ConfigOffset, $"line {finding.Line} is outside the config");
    }

    [Fact]
    public void Check_ConfigMapInTheBundleWithTheKey_IsSilent()
    {
        Assert.Empty(Check(_rule, Collector(Config())));
    }
}
