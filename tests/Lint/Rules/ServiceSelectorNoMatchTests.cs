using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class ServiceSelectorNoMatchTests
{
    private readonly ServiceSelectorNoMatch _rule = new();

    private static string Service(string ns, string selector) =>
        $"apiVersion: v1\nkind: Service\nmetadata:\n  name: otel-collector\n  namespace: {ns}\nspec:\n  selector:\n{selector}  ports:\n    - port: 4318\n";

    [Fact]
    public void Check_PodsInAnotherNamespace_DoNotCount()
    {
        var finding = Assert.Single(Check(_rule, Collector(ns: "observability"), Service("tracing", "    app: otel-collector\n"), App("tracing")));

        Assert.Contains("Service tracing/otel-collector selects app=otel-collector, which the pods of no workload in namespace tracing carry", finding.Message);
        Assert.DoesNotContain("closest", finding.Message);
    }

    [Fact]
    public void Check_NamespaceWithoutWorkloads_IsNotJudged()
    {
        Assert.Empty(Check(_rule, Service("elsewhere", "    app: nothing-here\n")));
    }

    [Fact]
    public void Check_OperatorLabelledPods_OnlyAnObviousNearMissIsReported()
    {
        Assert.Empty(Check(_rule, Service("tracing", "    app: llama-stack\n"), App("tracing"), LlamaStack(ns: "tracing")));
        Assert.Empty(Check(_rule, Service("observability", "    app.kubernetes.io/name: tempo-monolithic\n"), App("observability"), Tempo()));

        var finding = Assert.Single(Check(_rule, Service("tracing", "    app: app\n    tier: backend\n"), App("tracing"), LlamaStack(ns: "tracing")));

        Assert.Contains("closest is Deployment tracing/app: tier=backend (pods have no such label)", finding.Message);
    }
}
