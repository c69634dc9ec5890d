using Generator.Findings;
using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class CollectorDebugDetailedTests
{
    private readonly CollectorDebugDetailed _rule = new();

    [Fact]
    public void Check_DetailedDebugInAPipeline_IsInfoAtTheVerbosityValue()
    {
        var finding = Assert.Single(Check(_rule, Collector(Config(exporters: "debug:\n  verbosity: detailed"))));

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(ConfigOffset + 10, finding.Line);
        Assert.StartsWith("exporter \"debug\" in ConfigMap \"otel-collector-config\" has verbosity: detailed", finding.Message);
    }

    [Fact]
    public void Check_DetailedDebugNoPipelineUses_IsSilent()
    {
        var config = Config(exporters: "debug: {}\ndebug/verbose:\n  verbosity: detailed");

        Assert.Empty(Check(_rule, Collector(config)));
    }
}
