using Generator.Tests.Support;

namespace Generator.Tests.Render;

/// <summary>
/// The initContainer strategy renders only against a LlamaStackDistribution schema that has the two fields it needs;
/// with such a CRD imported (schemas import + --schemas), the wiring is snapshotted like the other strategies.
/// </summary>
public sealed class InitContainerStrategyTests
{
    [Theory]
    [InlineData("jaeger")]
    [InlineData("cluster-observability")]
    public void InitContainer_WithACrdThatAllowsIt_RendersTheFixedSeedWiring(string profile)
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var schemas = Path.Combine(dir, "schemas");
        var outDir = Path.Combine(dir, "out");
        var import = CliRunner.Run("schemas", "import", TestPaths.Fixture("crds", "llamastackdistribution-with-init-containers.yaml"), "--into", schemas);
        Assert.Equal(0, import.ExitCode);

        string[] sets =
        [
            "profile=" + profile,
            "patch.strategy=initContainer",
            "patch.file=" + TestPaths.Fixture("patch", "tracing.py"),
            "llamaStack.distribution.name=",
            "llamaStack.distribution.image=quay.io/opendatahub/llama-stack:rhoai-v3.2",
        ];
        var render = CliRunner.Run(["render", "--schemas", schemas, "--out", outDir, .. sets.SelectMany(s => new[] { "--set", s })]);

        Assert.True(render.ExitCode == 0, render.Stderr);
        Snapshot.Match($"patch-wiring.initContainer.{profile}", WiringSnapshotTests.PatchWiringView(Rendering.Render(sets)));
    }
}
