using Generator.Render;
using Generator.Tests.Support;

namespace Generator.Tests.Docs;

/// <summary>The README's generated parts are what the tool says today, and CI runs the README's test command.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));

    [Fact]
    public void OptionsReference_IsTheGeneratedTable()
    {
        Assert.Equal(ReferenceDocs.OptionsTable(), Section("options-reference"));
    }

    [Fact]
    public void RulesTable_IsTheGeneratedCatalog()
    {
        Assert.Equal(ReferenceDocs.RulesTable(), Section("lint-rules"));
    }

    [Fact]
    public void WiringExample_IsThePictureRenderWritesForTheDefaults()
    {
        var example = ReferenceDocs.WiringExample();

        Assert.Equal(example, Section("wiring"));
        Assert.EndsWith(example, File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "out", WiringDocument.FileName)));
        Assert.StartsWith("```mermaid\nflowchart LR\n", example);
    }

    [Fact]
    public void LintExample_IsRealOutputOfTheCommandShown()
    {
        var seed = TestPaths.Fixture("seed");
        var output = CliRunner.Run("lint", "--severity", "warning", seed).Stdout.Replace(TestPaths.RepoRoot + "/", string.Empty, StringComparison.Ordinal);

        Assert.Equal("```text\n$ dotnet run --project generator -- lint --severity warning tests/Fixtures/seed\n" + output + "```\n", Section("lint-example"));
    }

    [Fact]
    public void CiRunsTheReadmeTestCommand()
    {
        var ci = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, ".ci", "run"));

        Assert.Contains("tests/run.sh ", Readme);
        Assert.Contains("\ntests/run.sh\n", ci);
        Assert.Contains("dotnet run --project generator -- render ", Readme);
    }

    private static string Section(string name)
    {
        var begin = $"<!-- {name}:begin -->\n";
        var start = Readme.IndexOf(begin, StringComparison.Ordinal);
        var end = Readme.IndexOf($"<!-- {name}:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md has no {name} section");
        return Readme[(start + begin.Length)..end];
    }
}
