using Generator.Findings;
using Generator.Tests.Support;
using Generator.Yaml;

namespace Generator.Tests.Lint;

/// <summary>What the generator renders lints clean at error severity, for every profile and every strategy it accepts.</summary>
public sealed class RenderedOutputLintTests
{
    public static TheoryData<string, string> Combinations()
    {
        var data = new TheoryData<string, string>();
        foreach (var profile in new[] { "jaeger", "cluster-observability" })
        {
            foreach (var strategy in new[] { "sitecustomize", "subPath", "none" })
            {
                data.Add(profile, strategy);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void RenderedManifests_HaveNoErrorFindings(string profile, string strategy)
    {
        var sets = new List<string> { "profile=" + profile, "patch.strategy=" + strategy };
        if (strategy == "subPath")
        {
            sets.Add("patch.file=" + TestPaths.Fixture("patch", "tracing.py"));
        }

        var result = Rendering.Render([.. sets]);
        var streams = result.Files
            .Where(f => f.RelativePath.StartsWith("manifests/", StringComparison.Ordinal))
            .Select(f => YamlReader.Parse(f.RelativePath, f.Content))
            .ToList();

        var report = LintHarness.Run(streams, Severity.Error);

        Assert.True(report.Errors == 0, string.Join("\n", report.Findings.Select(f => $"{f.Location}: {f.RuleId}: {f.Path}: {f.Message}")));
        Assert.Equal(strategy == "none" ? 4 : 5, report.Files);
    }

    /// <summary>
    /// The option sets of the fixtures but initcontainer-image: the initContainer strategy needs two fields the real
    /// LlamaStackDistribution CRD lacks, so render refuses to write it (RenderCommandTests), as it should.
    /// </summary>
    public static TheoryData<string> OptionSets =>
    [
        .. Directory.GetFiles(TestPaths.Fixture("options"), "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)!)
            .Where(s => s != "initcontainer-image").Order(StringComparer.Ordinal),
    ];

    /// <summary>Every option set of the fixtures (each new switch with the existing ones) renders objects that pass the CRD and Kubernetes schemas and every rule.</summary>
    [Theory]
    [MemberData(nameof(OptionSets))]
    public void RenderedManifestsOfEveryOptionSet_HaveNoErrorFindings(string optionSet)
    {
        var result = Rendering.Render(TestPaths.Fixture("options", optionSet + ".yaml"));
        var streams = result.Files
            .Where(f => f.RelativePath.StartsWith("manifests/", StringComparison.Ordinal))
            .Select(f => YamlReader.Parse(f.RelativePath, f.Content))
            .ToList();

        var report = LintHarness.Run(streams, Severity.Error);

        Assert.True(report.Errors == 0, string.Join("\n", report.Findings.Select(f => $"{f.Location}: {f.RuleId}: {f.Path}: {f.Message}")));
        Assert.Equal(0, report.Findings.Count(f => f.RuleId == "schema-unknown-kind"));
    }

    [Fact]
    public void CommittedOut_LintsWithoutErrors()
    {
        var result = CliRunner.Run("lint", "--severity", "error", Path.Combine(TestPaths.RepoRoot, "out", "manifests"));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
    }
}
