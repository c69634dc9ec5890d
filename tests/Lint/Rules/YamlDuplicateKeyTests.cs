using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class YamlDuplicateKeyTests
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: tracing\ndata:\n  mode: fast\n";

    private readonly YamlDuplicateKey _rule = new();

    [Fact]
    public void Check_AKeyTwiceInAnObject_IsReportedAtTheSecond()
    {
        var finding = Assert.Single(CheckText(_rule, ConfigMap + "  mode: slow\n"));

        Assert.Equal("yaml-duplicate-key", finding.RuleId);
        Assert.Equal((8, 3), (finding.Line, finding.Column));
        Assert.Contains("mode", finding.Message);
    }

    [Fact]
    public void Check_AKeyTwiceInAnotherToolsYaml_IsNotJudged()
    {
        Assert.Empty(CheckText(_rule, "jobs:\n  build: {}\n  build: {}\n"));
    }

    [Fact]
    public void Check_TheSameKeyInTwoMappings_IsNoDuplicate()
    {
        Assert.Empty(CheckText(_rule, ConfigMap.Replace("  namespace: tracing\n", "  namespace: tracing\n  labels:\n    mode: a\n", StringComparison.Ordinal)));
    }
}
