using Generator.Lint.Rules;
using Generator.Yaml;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class YamlParseTests
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: tracing\ndata:\n  mode: fast\n";

    private readonly YamlParse _rule = new();

    [Fact]
    public void Check_UnclosedFlowMapping_IsReportedWhereTheParserStopped()
    {
        var finding = Assert.Single(CheckText(_rule, ConfigMap + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: broken\n"));

        Assert.Equal("yaml-parse", finding.RuleId);
        Assert.StartsWith("invalid YAML:", finding.Message);
        Assert.True(finding.Line >= 9, $"line {finding.Line}");
    }

    [Fact]
    public void Check_NestingOverTheLimit_IsALimitFinding()
    {
        var finding = Assert.Single(CheckText(_rule, "a:\n  b:\n    c:\n      d: 1\n", new YamlLimits { MaxDepth = 2 }));

        Assert.Contains("nesting deeper than 2 levels", finding.Message);
    }

    [Fact]
    public void Check_AMappingAsKeyInAnObject_IsWhatKubernetesRejects()
    {
        var finding = Assert.Single(CheckText(_rule, ConfigMap.Replace("  mode: fast\n", "  ? {a: 1}\n  : fast\n", StringComparison.Ordinal)));

        Assert.Equal("a mapping or sequence used as a key is not supported by Kubernetes", finding.Message);
    }

    [Fact]
    public void Check_AMappingAsKeyInAnotherToolsYaml_IsNotJudged()
    {
        Assert.Empty(CheckText(_rule, "settings:\n  ? {a: 1}\n  : fast\n"));
    }

    [Fact]
    public void Check_ValidYaml_IsSilent()
    {
        Assert.Empty(CheckText(_rule, ConfigMap));
    }
}
