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
    public void Check_OperatorRunPods_AreJudgedByTheLabelsTheOperatorGivesThem()
    {
        Assert.Empty(Check(_rule, Service("tracing", "    app: llama-stack\n"), App("tracing"), LlamaStack(ns: "tracing")));
        Assert.Empty(Check(_rule, Service("observability", "    app.kubernetes.io/name: tempo-monolithic\n"), App("observability"), Tempo()));

        var finding = Assert.Single(Check(_rule, Service("tracing", "    app: llamastack\n    app.kubernetes.io/instance: llamastack\n"), LlamaStack(ns: "tracing")));

        Assert.Equal(
            "Service tracing/otel-collector selects app=llamastack,app.kubernetes.io/instance=llamastack, which the pods of no workload in namespace tracing carry, nor those the operators run for LlamaStackDistribution tracing/llamastack; "
            + "closest is the pods the LlamaStack operator runs for LlamaStackDistribution tracing/llamastack: app=llamastack (pods have llama-stack)",
            finding.Message);
    }

    [Fact]
    public void Check_ANearMissOfAWorkload_IsStillNamedBesideOperatorPods()
    {
        var finding = Assert.Single(Check(_rule, Service("tracing", "    app: app\n    tier: backend\n"), App("tracing"), LlamaStack(ns: "tracing")));

        Assert.Contains("closest is Deployment tracing/app: tier=backend (pods have no such label)", finding.Message);
    }

    [Theory]
    [InlineData("app.kubernetes.io/instance: observability.otel\napp.kubernetes.io/component: opentelemetry-collector", true)]
    [InlineData("app.kubernetes.io/name: otel-collector", true)]
    [InlineData("app.kubernetes.io/instance: otel", false)]
    [InlineData("app.kubernetes.io/version: \"0.159.0\"\napp.kubernetes.io/part-of: opentelemetry", true)]
    [InlineData("app.kubernetes.io/version: \"0.158.0\"", false)]
    public void Check_OpenTelemetryCollectorPods_CarryTheOperatorsSelectorLabels(string selector, bool matches)
    {
        var service = Service("observability", string.Concat(selector.Split('\n').Select(l => "    " + l + "\n")));

        var findings = Check(_rule, service, OperatorCollector(ns: "observability"));

        Assert.Equal(matches ? 0 : 1, findings.Count);
    }

    [Fact]
    public void Check_OpenTelemetryCollectorWithoutImage_VersionLabelCannotBeTold()
    {
        Assert.Empty(Check(_rule, Service("observability", "    app.kubernetes.io/version: \"0.158.0\"\n"), OperatorCollector(ns: "observability", image: null)));
    }

    [Theory]
    [InlineData("app.kubernetes.io/name: tempo\napp.kubernetes.io/instance: tracing\napp.kubernetes.io/component: distributor", true)]
    [InlineData("app.kubernetes.io/component: query-frontend\ntempo-gossip-member: \"true\"", true)]
    [InlineData("app.kubernetes.io/component: gateway\ntempo-gossip-member: \"true\"", false)]
    [InlineData("app.kubernetes.io/component: distributer", false)]
    public void Check_TempoStackPods_OneLabelSetPerComponent(string selector, bool matches)
    {
        var service = Service("observability", string.Concat(selector.Split('\n').Select(l => "    " + l + "\n")));

        var findings = Check(_rule, service, TempoStack(gateway: true, tenants: "dev"));

        Assert.Equal(matches ? 0 : 1, findings.Count);
    }

    [Fact]
    public void Check_OgxServerPods_CarryAppOgxAndTheInstance()
    {
        const string ogx = "apiVersion: ogx.io/v1beta1\nkind: OGXServer\nmetadata:\n  name: assistant\n  namespace: apps\nspec: {}\n";

        Assert.Empty(Check(_rule, Service("apps", "    app: ogx\n    app.kubernetes.io/instance: assistant\n"), ogx));

        var finding = Assert.Single(Check(_rule, Service("apps", "    app: ogx\n    app.kubernetes.io/managed-by: ogx-operator\n"), ogx));
        Assert.Contains("closest is the pods the OGX operator runs for OGXServer apps/assistant: app.kubernetes.io/managed-by=ogx-operator (pods have no such label)", finding.Message);
    }
}
