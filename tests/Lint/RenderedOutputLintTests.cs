using Generator.Findings;
using Generator.Tests.Support;
using Generator.Yaml;

namespace Generator.Tests.Lint;

/// <summary>
/// What the generator renders lints clean at error severity, for every profile, every strategy it accepts, and every
/// server kind and generation (each with the strategies its release allows); the only warning left is Tempo's memory
/// storage (profile jaeger), and for a 0.2.x release that reads its endpoint only from run.yaml, the finding that says so.
/// </summary>
public sealed class RenderedOutputLintTests
{
    /// <summary>The server kinds and releases, each with the strategies its generation allows besides auto.</summary>
    private static readonly (string[] Sets, string[] Strategies)[] Servers =
    [
        ([], ["sitecustomize", "subPath", "none"]),
        (["llamaStack.version=0.2.10"], ["sitecustomize", "subPath", "none"]),
        (["llamaStack.version=0.2.14", "llamaStack.distribution.name=", "llamaStack.distribution.image=docker.io/llamastack/distribution-starter:0.2.14"], ["sitecustomize", "none"]),
        (["llamaStack.version=0.2.22"], ["sitecustomize", "subPath", "none"]),
        (["llamaStack.version=0.4.2"], ["sitecustomize", "none"]),
        (["llamaStack.version=0.7.1", "llamaStack.metrics=none"], ["none"]),
        (["llamaStack.version=0.7.1", "llamaStack.distribution.name=", "llamaStack.distribution.image=docker.io/llamastack/distribution-starter:0.7.1"], ["none"]),
        (["llamaStack.kind=OGXServer", "llamaStack.version=1.3.0"], ["none"]),
        (["llamaStack.version=0.2.22", "llamaStack.metrics=none"], ["sitecustomize", "none"]),
    ];

    public static TheoryData<string, string, string> Combinations()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var profile in new[] { "jaeger", "cluster-observability", "ogx" })
        {
            foreach (var (sets, strategies) in Servers)
            {
                var ogxServer = profile == "ogx" || sets.Contains("llamaStack.kind=OGXServer");
                if (profile == "ogx" && sets.Any(s => s.StartsWith("llamaStack.version=", StringComparison.Ordinal) && !s.EndsWith("1.3.0", StringComparison.Ordinal)))
                {
                    continue; // An OGXServer runs an OGX release.
                }

                foreach (var strategy in (ogxServer ? ["none"] : strategies).Prepend("auto"))
                {
                    data.Add(profile, string.Join(' ', sets), strategy);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void RenderedManifests_HaveNoErrorFindings(string profile, string server, string strategy)
    {
        List<string> sets = ["profile=" + profile, .. server.Split(' ', StringSplitOptions.RemoveEmptyEntries), "patch.strategy=" + strategy];
        if (strategy == "subPath")
        {
            sets.Add("patch.file=" + TestPaths.Fixture("patch", "tracing.py"));
        }

        var result = Rendering.Render([.. sets]);
        var streams = result.Files
            .Where(f => f.RelativePath.StartsWith("manifests/", StringComparison.Ordinal))
            .Select(f => YamlReader.Parse(f.RelativePath, f.Content))
            .ToList();

        var report = LintHarness.Run(streams, Severity.Warning);

        Assert.True(report.Errors == 0, string.Join("\n", report.Findings.Select(f => $"{f.Location}: {f.RuleId}: {f.Message}")));
        var expected = new List<string>();
        if (profile == "jaeger")
        {
            expected.Add("tempo-memory-storage");
        }

        if (server.Contains("0.2.14", StringComparison.Ordinal))
        {
            expected.Add("llamastack-telemetry-sinks");
        }

        if (result.Options.Tempo.JaegerUi.Enabled)
        {
            expected.Add("tempo-jaeger-ui-deprecated");
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), report.Findings.Select(f => f.RuleId).Order(StringComparer.Ordinal));
        Assert.Equal(result.Resolve(Generator.Model.TracingPatch.Strategy) == "none" ? 4 : 5, report.Files);
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
