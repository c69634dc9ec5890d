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

    [Fact]
    public void Render_WithACheckViolated_ExitsTwoWithTheLocatedMessage()
    {
        var result = CliRunner.Run("render", "--out", Path.Combine(Path.GetTempPath(), "never-written-" + Guid.NewGuid().ToString("N")),
            "--set", "profile=cluster-observability", "--set", "collector.tenant=ops");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("--set collector.tenant=ops: error: collector.tenant: no tenant named \"ops\"; tenants are dev\n", result.Stderr);
    }
}
