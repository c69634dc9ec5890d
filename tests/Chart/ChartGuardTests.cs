namespace Generator.Tests.Chart;

/// <summary>
/// What the chart refuses to render: a cluster without the operators' APIs, values of the wrong type
/// (values.schema.json), and option combinations the generator's validator rejects, when users set values directly.
/// </summary>
public sealed class ChartGuardTests : IClassFixture<ChartGuardTests.DefaultChart>
{
    private readonly RenderedChart _chart;

    public ChartGuardTests(DefaultChart fixture) => _chart = fixture.Chart;

    [Fact]
    public void CapabilityCheck_WithoutTheOperatorApis_FailsNamingTheMissingApi()
    {
        var none = Helm.Fail("template", "release", _chart.ChartDirectory);
        var onlyTempo = Helm.Fail("template", "release", _chart.ChartDirectory, "--api-versions", "tempo.grafana.com/v1alpha1/TempoMonolithic");

        Assert.Contains("does not serve tempo.grafana.com/v1alpha1 TempoMonolithic", none.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not serve llamastack.io/v1alpha1 LlamaStackDistribution", onlyTempo.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CapabilityCheck_SwitchedOff_RendersOffline()
    {
        var run = Helm.Succeed("template", "release", _chart.ChartDirectory, "--set", "chart.capabilityChecks=false");

        Assert.Contains("kind: TempoMonolithic", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_RejectsAValueOfTheWrongType()
    {
        var run = Helm.Fail(["template", "release", _chart.ChartDirectory, .. Helm.OperatorApis, "--set", "collector.replicas=abc"]);

        Assert.Contains("/collector/replicas", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_AcceptsGlobalValues()
    {
        Helm.Succeed(["template", "release", _chart.ChartDirectory, .. Helm.OperatorApis, "--set", "global.foo=bar"]);
    }

    public static TheoryData<string[], string> RejectedCombinations => new()
    {
        { ["tempo.multitenancy.enabled=true"], "needs the bearertokenauth extension, which the core collector image" },
        { ["collector.k8sAttributes.enabled=true"], "the k8sattributes processor is not in the core collector image" },
        { ["collector.image.repository=registry.example.com/my-collector"], "cannot tell which collector distribution" },
        { ["collector.image.tag=latest"], "cannot read a collector version from \"latest\"" },
        { ["collector.receivers.http.enabled=false"], "enable at least one OTLP receiver protocol" },
        { ["patch.strategy=subPath"], "patch.strategy=subPath mounts your own patched tracing.py, which this chart does not contain" },
        { ["patch.strategy=initContainer"], "patch.strategy=initContainer mounts your own patched tracing.py" },
        { ["tempo.jaegerUi.ingress.enabled=true"], "with a Route or an Ingress, not both" },
        { ["tempo.jaegerUi.enabled=false"], "a Route or Ingress needs tempo.jaegerUi.enabled=true" },
        { ["tempo.ingestion.otlpGrpc=false"], "the collector exports to Tempo with OTLP/gRPC" },
        { ["llamaStack.distribution.image=quay.io/example/llama-stack:0.2.23"], "set exactly one of name and image" },
        { ["collector.image.repository=otel/opentelemetry-collector-contrib", "tempo.multitenancy.enabled=true", "collector.tenant=nobody"], "no tenant named \"nobody\"; tenants are dev" },
        { ["collector.image.repository=otel/opentelemetry-collector-contrib", "tempo.multitenancy.enabled=true", "tempo.multitenancy.tenants=null"], "multitenancy needs at least one tenant" },
    };

    [Theory]
    [MemberData(nameof(RejectedCombinations))]
    public void CrossOptionCheck_RejectedCombination_FailsWithItsReason(string[] sets, string message)
    {
        var run = Helm.Fail(["template", "release", _chart.ChartDirectory, .. Helm.OperatorApis, .. sets.SelectMany(s => new[] { "--set", s })]);

        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CrossOptionCheck_InitContainerWithoutServerImage_FailsWithItsReason()
    {
        using var chart = RenderedChart.Create("initcontainer-image");

        var run = Helm.Fail(["template", "release", chart.ChartDirectory, .. Helm.OperatorApis,
            "--set", "llamaStack.distribution.image=", "--set", "llamaStack.distribution.name=rh-dev"]);

        Assert.Contains("the initContainer strategy copies the telemetry package out of the server image", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The chart rendered from the default options, shared by the tests that only change values.</summary>
    public sealed class DefaultChart : IDisposable
    {
        public RenderedChart Chart { get; } = RenderedChart.Create(null);

        public void Dispose() => Chart.Dispose();
    }
}
