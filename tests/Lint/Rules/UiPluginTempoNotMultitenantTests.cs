using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class UiPluginTempoNotMultitenantTests
{
    private readonly UiPluginTempoNotMultitenant _rule = new();

    [Fact]
    public void Check_SingleTenantTempo_SaysWhyTheConsoleSkipsIt()
    {
        var finding = Assert.Single(Check(_rule, UiPlugin(), Tempo(), TempoStack().Replace("name: tracing", "name: big", StringComparison.Ordinal)));

        Assert.Contains("UIPlugin distributed-tracing shows only multi-tenant Tempo (tenants in mode openshift, behind the gateway), and no Tempo of the bundle is: "
            + "TempoMonolithic observability/tracing has no multitenancy; TempoStack observability/big sets no spec.tenants", finding.Message);
        Assert.Equal("spec.type", finding.Path);
    }

    [Fact]
    public void Check_StaticTenantsOrNoGateway_AreNotListed()
    {
        Assert.Contains("has tenants in mode static", Assert.Single(Check(_rule, UiPlugin(), TempoStack(gateway: true, mode: "static", tenants: "dev"))).Message);
        Assert.Contains("has no gateway", Assert.Single(Check(_rule, UiPlugin(), TempoStack(mode: "openshift", tenants: "dev"))).Message);
    }

    [Fact]
    public void Check_OneListedTempo_OrNoTempoInTheBundle_IsFine()
    {
        Assert.Empty(Check(_rule, UiPlugin(), Tempo(), TempoStack(gateway: true, tenants: "dev").Replace("name: tracing", "name: big", StringComparison.Ordinal)));
        Assert.Empty(Check(_rule, UiPlugin(), Tempo(tenants: "dev")));
        Assert.Empty(Check(_rule, UiPlugin()));
    }
}
