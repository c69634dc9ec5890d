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

    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: t\n", 4, 1)]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t\ndata:\n  a: |\n    \tcontent may hold tabs\n  b:\n  \t c\n", 9, 3)]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t\ndata:\n  k: |\n   \tcontent\n\ty: 1\n", 8, 1)]
    public void Check_TabAsIndentation_IsReportedAtTheTab(string text, int line, int column)
    {
        var finding = Assert.Single(CheckText(_rule, text));

        Assert.Equal("invalid YAML: While scanning a mapping, found invalid tab as indentation", finding.Message);
        Assert.Equal((line, column), (finding.Line, finding.Column));
    }

    [Theory]
    [InlineData("\u0000", "U+0000")]
    [InlineData("\u0007", "U+0007")]
    [InlineData("\u007F", "U+007F")]
    [InlineData("\u009B", "U+009B")]
    public void Check_ACharacterYamlDoesNotAllow_IsReportedAtIt(string character, string code)
    {
        var finding = Assert.Single(CheckText(_rule, ConfigMap.Replace("fast", "fa" + character + "st", StringComparison.Ordinal)));

        Assert.Equal($"invalid YAML: character {code} is not printable, which YAML does not allow", finding.Message);
        Assert.Equal((7, 11), (finding.Line, finding.Column));
    }

    [Fact]
    public void Check_TabsNewlinesAndNonAsciiText_AreAllowed()
    {
        Assert.Empty(CheckText(_rule, ConfigMap.Replace("fast", "\"f\\tä\u00A0st\"\r", StringComparison.Ordinal) + "  note: \"a\tb é\"\n"));
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
