using Generator.Lint.Rules;
using static Generator.Tests.Lint.Rules.WiringBundle;

namespace Generator.Tests.Lint.Rules;

public sealed class SecurityContextRestrictedTests
{
    private readonly SecurityContextRestricted _rule = new();

    private static string Deployment(string containerSecurity) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: otel-collector
          namespace: tracing
        spec:
          template:
            spec:
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
        """;

    [Fact]
    public void Check_PodSettingsCount_ForRunAsNonRootAndSeccomp()
    {
        Assert.Empty(Check(_rule, Deployment(string.Empty)));
    }

    [Fact]
    public void Check_ContainerOverridingThePod_IsJudgedByItsOwnValue()
    {
        var finding = Assert.Single(Check(_rule, Deployment("            runAsNonRoot: false\n            seccompProfile: {type: Unconfined}\n")));

        Assert.EndsWith("lacks restricted securityContext settings: runAsNonRoot: true (pod or container), seccompProfile.type: RuntimeDefault (pod or container)", finding.Message);
    }

    [Fact]
    public void Check_LlamaStackDistribution_IsSkipped()
    {
        const string distribution = "apiVersion: llamastack.io/v1alpha1\nkind: LlamaStackDistribution\nmetadata:\n  name: llamastack\nspec:\n  server:\n    containerSpec:\n      name: llama-stack\n";

        Assert.Empty(Check(_rule, distribution));
    }
}
