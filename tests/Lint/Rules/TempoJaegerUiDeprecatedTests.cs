using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class TempoJaegerUiDeprecatedTests
{
    private readonly TempoJaegerUiDeprecated _rule = new();

    [Fact]
    public void Check_MonolithicJaegerUi_NamesTheOperatorReleaseAndItsWarning()
    {
        var finding = Assert.Single(Check(_rule, Tempo("jaegerui:\n  enabled: true\n")));

        Assert.Equal(
            "TempoMonolithic observability/tracing enables the Jaeger UI, which tempo-operator 0.22.0 deprecates: its webhook warns \"spec.jaegerui.enabled is deprecated and will be removed in a future release\"; "
            + "the OpenShift console's tracing UI (UIPlugin distributed-tracing) replaces it",
            finding.Message);
        Assert.Equal("spec.jaegerui.enabled", finding.Path);
    }

    [Fact]
    public void Check_TempoStackJaegerQuery_PointsAtItsSwitch()
    {
        var finding = Assert.Single(Check(_rule, TempoStack("template:\n  queryFrontend:\n    jaegerQuery:\n      enabled: true\n")));

        Assert.Equal("spec.template.queryFrontend.jaegerQuery.enabled", finding.Path);
        Assert.Contains("spec.template.queryFrontend.jaegerQuery.enabled is deprecated", finding.Message);
    }

    [Fact]
    public void Check_JaegerUiOffOrUnset_IsFine()
    {
        Assert.Empty(Check(_rule, Tempo("jaegerui:\n  enabled: false\n"), Tempo().Replace("name: tracing", "name: other", StringComparison.Ordinal)));
        Assert.Empty(Check(_rule, TempoStack("template:\n  queryFrontend:\n    jaegerQuery:\n      enabled: false\n")));
    }
}
