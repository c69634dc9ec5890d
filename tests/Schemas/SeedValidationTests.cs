using Generator.Findings;
using Generator.Tests.Support;

namespace Generator.Tests.Schemas;

/// <summary>
/// The seed deployment's own manifests (tests/Fixtures/seed, reconstructed from the seed README): the built-in schemas catch
/// the three fields the API server silently pruned, at the lines where they are written, and nothing else.
/// </summary>
public sealed class SeedValidationTests
{
    [Fact]
    public void LlamaStackDistribution_InitContainersAndContainerVolumeMounts_ArePruned()
    {
        var (text, findings) = ValidateSeed("llamastack-distribution-postgres-otel.yaml");

        Assert.Equal(
            [
                ("spec.server.containerSpec.volumeMounts", LineOf(text, "      volumeMounts:")),
                ("spec.server.podOverrides.initContainers", LineOf(text, "      initContainers:")),
            ],
            findings.Select(f => (f.Path, f.Line)).ToList());
        Assert.All(findings, f =>
        {
            Assert.Equal("schema-pruned-field", f.RuleId);
            Assert.Equal(Severity.Error, f.Severity);
            Assert.Equal(7, f.Column);
        });
        Assert.Contains("containerSpec accepts args, command, env, name, port, resources", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("podOverrides accepts serviceAccountName, terminationGracePeriodSeconds, volumeMounts, volumes", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TempoMonolithic_QueryFrontend_IsPruned()
    {
        var (text, findings) = ValidateSeed("tempo-monolithic.yaml");

        var finding = Assert.Single(findings);
        Assert.Equal(("schema-pruned-field", "spec.queryFrontend", LineOf(text, "  queryFrontend:"), 3), (finding.RuleId, finding.Path, finding.Line, finding.Column));
        Assert.Contains("unknown field \"queryFrontend\": the API server would prune it", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("otel-collector-deployment.yaml")]
    [InlineData("tracing-patch-configmap.yaml")]
    public void BuiltInKinds_OfTheSeed_AreValid(string file)
    {
        var (_, findings) = ValidateSeed(file);

        Assert.Empty(findings);
    }

    private static (string Text, List<Finding> Findings) ValidateSeed(string file)
    {
        var text = File.ReadAllText(TestPaths.Fixture("seed", file));
        return (text, ValidationFixtureTests.Validate(file, text));
    }

    private static int LineOf(string text, string linePrefix)
    {
        var lines = text.Split('\n');
        var matches = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith(linePrefix, StringComparison.Ordinal)).ToList();
        return Assert.Single(matches) + 1;
    }
}
