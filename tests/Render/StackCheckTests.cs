using Generator.Options;
using Generator.Render;
using Generator.Tests.Support;

namespace Generator.Tests.Render;

/// <summary>
/// The stack's own checks across options (generator/Model/Stack.cs): what JSON Schema cannot state. The generator refuses
/// such options before rendering, located where the user set the option; the chart runs the same checks (ChartGuardTests).
/// </summary>
public sealed class StackCheckTests
{
    [Fact]
    public void CollectorTenant_NotAmongTheTenants_IsRefusedAtItsSetArgument()
    {
        var ex = Assert.Throws<OptionsException>(() =>
            RenderPipeline.Render(OptionsLoader.Load(null, ["profile=cluster-observability", "collector.tenant=ops"]), _ => []));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("--set collector.tenant=ops: error: collector.tenant: no tenant named \"ops\"; tenants are dev", error.ToString());
    }

    [Fact]
    public void CollectorTenant_AmongTheTenants_Renders()
    {
        var result = RenderPipeline.Render(
            OptionsLoader.Load(null, ["profile=cluster-observability", "tempo.multitenancy.tenants[1].name=ops", "tempo.multitenancy.tenants[1].id=ops-id", "collector.tenant=ops"]),
            _ => []);

        Assert.Contains("X-Scope-OrgID: ops", Rendering.File(result, "manifests/otel-collector.yaml"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docker.io/llamastack/distribution-starter:0.7.1", "0.7.1")]
    [InlineData("docker.io/llamastack/distribution-starter:v0.4.2", "0.4.2")]
    [InlineData("llamastack/distribution-starter:0.2.22@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "0.2.22")]
    public void ServerImage_TaggedWithAnotherRelease_IsRefusedAtTheVersion(string image, string release)
    {
        var ex = Assert.Throws<OptionsException>(() =>
            RenderPipeline.Render(OptionsLoader.Load(null, ["llamaStack.distribution.name=", "llamaStack.distribution.image=" + image]), _ => []));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("llamaStack.version", error.Path);
        Assert.Contains($"llamaStack.version is 0.3.5, but image {image} runs {release}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docker.io/llamastack/distribution-starter:0.3.5")]
    [InlineData("docker.io/llamastack/distribution-starter:0.3.5.1+rhai0")]
    [InlineData("registry.redhat.io/rhoai/odh-llama-stack-core-rhel9:v3.3.0")]
    [InlineData("docker.io/llamastack/distribution-starter@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void ServerImage_OfTheSameReleaseOrNotTaggedWithOne_Renders(string image)
    {
        var result = RenderPipeline.Render(OptionsLoader.Load(null, ["llamaStack.distribution.name=", "llamaStack.distribution.image=" + image]), _ => []);

        Assert.Contains("image: " + image, Rendering.File(result, "manifests/llamastack-distribution.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithACheckViolated_ExitsTwoWithTheLocatedMessage()
    {
        var result = CliRunner.Run("render", "--out", Path.Combine(Path.GetTempPath(), "never-written-" + Guid.NewGuid().ToString("N")),
            "--set", "profile=cluster-observability", "--set", "collector.tenant=ops");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("--set collector.tenant=ops: error: collector.tenant: no tenant named \"ops\"; tenants are dev\n", result.Stderr);
    }
}
