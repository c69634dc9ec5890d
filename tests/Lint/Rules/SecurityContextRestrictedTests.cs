using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class SecurityContextRestrictedTests
{
    private readonly SecurityContextRestricted _rule = new();

    private static string Restricted(string containerSecurity) => Deployment(
        $$"""
        securityContext:
          runAsNonRoot: true
          seccompProfile:
            type: RuntimeDefault
        containers:
          - name: otel-collector
            image: otel/opentelemetry-collector:0.159.0
            securityContext:
              allowPrivilegeEscalation: false
              capabilities: {drop: [ALL]}
        {{containerSecurity}}
        """,
        "otel-collector");

    [Fact]
    public void Check_PodSettingsCount_ForRunAsNonRootAndSeccomp()
    {
        Assert.Empty(Check(_rule, Restricted(string.Empty)));
    }

    [Fact]
    public void Check_ContainerOverridingThePod_IsJudgedByItsOwnValue()
    {
        var finding = Assert.Single(Check(_rule, Restricted("      runAsNonRoot: false\n      seccompProfile: {type: Unconfined}\n")));

        Assert.EndsWith("lacks restricted securityContext settings: runAsNonRoot: true (pod or container), seccompProfile.type: RuntimeDefault (pod or container)", finding.Message);
    }

    [Fact]
    public void Check_LlamaStackDistribution_IsSkipped()
    {
        Assert.Empty(Check(_rule, LlamaStack()));
    }
}
