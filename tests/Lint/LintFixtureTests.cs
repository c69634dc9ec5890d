using System.Text.RegularExpressions;
using Generator.Findings;
using Generator.Lint;
using Generator.Tests.Support;
using Generator.Yaml;

namespace Generator.Tests.Lint;

/// <summary>
/// Every rule of the catalog has a folder tests/Fixtures/lint/&lt;rule-id&gt;/ with <c>fires.yaml</c> and
/// <c>does-not-fire.yaml</c> (near-identical inputs). Expectations live in the fixture itself, as header comments
/// <c># expect: &lt;line&gt; &lt;text the message must contain&gt;</c>; the rule must report exactly those lines in fires.yaml,
/// and nothing in does-not-fire.yaml. Each fixture file is linted on its own, as one bundle.
/// </summary>
public sealed partial class LintFixtureTests
{
    [GeneratedRegex(@"^#\s*expect:\s*(?<line>\d+)\s*(?<text>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ExpectLine();

    public static TheoryData<string> RuleIds => [.. RuleCatalog.Rules.Select(r => r.Info.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_Fires_OnExactlyTheExpectedLines(string ruleId)
    {
        var file = TestPaths.Fixture("lint", ruleId, "fires.yaml");
        Assert.True(File.Exists(file), $"rule {ruleId} has no fixture {file}");
        var expected = Expectations(file);
        Assert.NotEmpty(expected);

        var findings = Lint(file).Where(f => f.RuleId == ruleId).ToList();

        Assert.Equal(expected.Select(e => e.Line).Order(), findings.Select(f => f.Line).Order());
        foreach (var (line, text) in expected)
        {
            Assert.Contains(findings, f => f.Line == line && f.Message.Contains(text, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_DoesNotFire_OnTheNearIdenticalCorrectInput(string ruleId)
    {
        var file = TestPaths.Fixture("lint", ruleId, "does-not-fire.yaml");
        Assert.True(File.Exists(file), $"rule {ruleId} has no fixture {file}");

        var findings = Lint(file).Where(f => f.RuleId == ruleId).ToList();

        Assert.Empty(findings);
    }

    [Fact]
    public void Catalog_EveryRuleHasAUniqueIdAndActionableText()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Id).Distinct().Count());
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Summary), rule.Id);
            Assert.EndsWith(".", rule.Remediation);
        }
    }

    [Fact]
    public void Fixtures_ExistOnlyForCatalogedRules()
    {
        var folders = Directory.GetDirectories(TestPaths.Fixture("lint")).Select(Path.GetFileName);

        Assert.All(folders, folder => Assert.Contains(RuleCatalog.Rules, r => r.Info.Id == folder));
    }

    private static IReadOnlyList<Finding> Lint(string file) =>
        LintHarness.Run([YamlReader.Parse(file, File.ReadAllBytes(file))], Severity.Info).Findings;

    private static IReadOnlyList<(int Line, string Text)> Expectations(string file) =>
        [.. File.ReadLines(file)
            .Select(l => ExpectLine().Match(l))
            .Where(m => m.Success)
            .Select(m => (int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["text"].Value.Trim()))];
}
