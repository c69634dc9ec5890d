using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class ServiceSelectsSeveralCollectorsTests
{
    private readonly ServiceSelectsSeveralCollectors _rule = new();

    [Fact]
    public void Check_SelectorCommonToEveryOperatorCollector_NamesThem()
    {
        var service = Service("shared", "tracing", "app.kubernetes.io/component: opentelemetry-collector");

        var finding = Assert.Single(Check(_rule, OperatorCollector(name: "a", ns: "tracing"), OperatorCollector(name: "b", ns: "tracing"), service));

        Assert.Contains("which the pods of 2 OpenTelemetryCollectors carry (OpenTelemetryCollector tracing/a, OpenTelemetryCollector tracing/b)", finding.Message);
        Assert.Contains("app.kubernetes.io/instance: tracing.a", finding.Message);
        Assert.Equal("spec.selector", finding.Path);
    }

    [Fact]
    public void Check_OneCollectorsInstance_OrCollectorsInOtherNamespaces_AreFine()
    {
        var one = Service("shared", "tracing", "app.kubernetes.io/instance: tracing.a");
        var shared = Service("shared", "tracing", "app.kubernetes.io/component: opentelemetry-collector");

        Assert.Empty(Check(_rule, OperatorCollector(name: "a", ns: "tracing"), OperatorCollector(name: "b", ns: "tracing"), one));
        Assert.Empty(Check(_rule, OperatorCollector(name: "a", ns: "tracing"), OperatorCollector(name: "b", ns: "other"), shared));
    }

    [Fact]
    public void Check_SidecarCollectors_RunNoPodsOfTheirOwn()
    {
        var shared = Service("shared", "tracing", "app.kubernetes.io/component: opentelemetry-collector");

        Assert.Empty(Check(_rule, OperatorCollector(name: "a", ns: "tracing", mode: "sidecar"), OperatorCollector(name: "b", ns: "tracing", mode: "sidecar"), shared));
    }
}
