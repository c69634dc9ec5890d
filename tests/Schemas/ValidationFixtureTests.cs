using System.Globalization;
using System.Text.RegularExpressions;
using Generator.Documents;
using Generator.Findings;
using Generator.Schemas;
using Generator.Tests.Support;
using Generator.Yaml;

namespace Generator.Tests.Schemas;

/// <summary>
/// kubectl-validate's style: each file in tests/Fixtures/validation is one case, and its leading '#' comment block states the
/// expected findings, one per line: <c># expect: &lt;rule-id&gt; &lt;path|(root)&gt; line &lt;n&gt; [contains "&lt;text&gt;"]</c>, or
/// <c># expect: nothing</c>. Every document of the file is validated against the built-in store; the findings must be exactly
/// the expected ones (rule, path and line).
/// </summary>
public sealed partial class ValidationFixtureTests
{
    [GeneratedRegex("""^#\s*expect:\s*(?<rule>[a-z-]+)\s+(?<path>\S+)\s+line\s+(?<line>\d+)(\s+contains\s+"(?<text>(?:[^"\\]|\\.)*)")?\s*$""")]
    private static partial Regex ExpectLine();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Fixture("validation"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Fixtures_CoverEverySchemaRuleExceptOptionsAndImportOnlyOnes()
    {
        var expected = Directory.EnumerateFiles(TestPaths.Fixture("validation"), "*.yaml")
            .SelectMany(f => Expectations(File.ReadAllText(f)).Select(e => e.Rule))
            .ToHashSet();
        var notInFixtures = new[] { "schema-cel-not-evaluated" }; // no built-in schema has a rule we cannot evaluate: see SchemaImportTests
        foreach (var rule in SchemaRules.All.Where(r => r.Id.StartsWith("schema-", StringComparison.Ordinal) && !notInFixtures.Contains(r.Id)))
        {
            Assert.Contains(rule.Id, expected);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_ProducesExactlyTheExpectedFindings(string name)
    {
        var path = TestPaths.Fixture("validation", name);
        var text = File.ReadAllText(path);
        var expected = Expectations(text);
        Assert.True(expected.Count > 0 || text.Contains("# expect: nothing", StringComparison.Ordinal), $"{name} states no expectation");
        Assert.Equal(name.StartsWith("ok_", StringComparison.Ordinal), expected.Count == 0);

        var findings = Validate(name, text);
        var actual = findings.Select(f => (f.RuleId, f.Path, f.Line)).Order().ToList();
        var wanted = expected.Select(e => (e.Rule, e.Path, e.Line)).Order().ToList();
        Assert.True(wanted.SequenceEqual(actual), $"{name}\nexpected:\n  {string.Join("\n  ", wanted)}\nactual:\n  {string.Join("\n  ", findings.Select(Show))}");
        foreach (var expectation in expected.Where(e => e.Text is not null))
        {
            Assert.Contains(findings, f => f.RuleId == expectation.Rule && f.Path == expectation.Path && f.Message.Contains(expectation.Text!, StringComparison.Ordinal));
        }

        Assert.All(findings, f =>
        {
            Assert.Equal(name, f.File);
            Assert.True(f.Column > 0, Show(f));
            Assert.False(string.IsNullOrWhiteSpace(f.Message));
        });
    }

    internal static List<Finding> Validate(string file, string text, SchemaStore? store = null)
    {
        var stream = YamlReader.Parse(file, text);
        Assert.Empty(stream.Problems);
        var validator = new StructuralValidator(store ?? SchemaStore.BuiltIn);
        var findings = new List<Finding>();
        foreach (var document in stream.Documents)
        {
            var manifest = Manifest.FromDocument(document, out var problem);
            Assert.True(manifest is not null || problem is null, problem);
            if (manifest is not null)
            {
                findings.AddRange(validator.Validate(manifest));
            }
        }

        return findings;
    }

    internal static string Show(Finding f) => $"{f.RuleId} {(f.Path.Length == 0 ? "(root)" : f.Path)} line {f.Line}:{f.Column} [{f.Severity}] {f.Message}";

    private static List<(string Rule, string Path, int Line, string? Text)> Expectations(string text)
    {
        var result = new List<(string, string, int, string?)>();
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith('#'))
            {
                break;
            }

            var match = ExpectLine().Match(line.TrimEnd('\r'));
            if (match.Success)
            {
                var path = match.Groups["path"].Value;
                result.Add((match.Groups["rule"].Value, path == "(root)" ? string.Empty : path,
                    int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
                    match.Groups["text"].Success ? match.Groups["text"].Value.Replace("\\\"", "\"", StringComparison.Ordinal) : null));
            }
        }

        return result;
    }
}
