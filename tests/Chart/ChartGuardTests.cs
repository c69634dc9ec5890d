namespace Generator.Tests.Chart;

/// <summary>
/// What the chart refuses to render, with helm 4 and helm 3: a cluster without the operators' APIs, values of the wrong
/// type (values.schema.json), and what only the templates can tell (_guards.tpl: a collector tenant that is not among
/// the tenants, a patch strategy that needs a file the chart does not hold). The cross-option rules values.schema.json
/// states are in <see cref="ValuesSchemaRuleTests"/>.
/// </summary>
public sealed class ChartGuardTests : IClassFixture<ChartGuardTests.DefaultChart>
{
    private readonly RenderedChart _chart;

    public ChartGuardTests(DefaultChart fixture) => _chart = fixture.Chart;

    public static TheoryData<string> Binaries => [.. Helm.Binaries];

    [Theory]
    [MemberData(nameof(Binaries))]
    public void CapabilityCheck_WithoutTheOperatorApis_FailsNamingTheMissingApi(string helm)
    {
        var none = Helm.FailWith(helm, "template", "release", _chart.ChartDirectory);
        var onlyTempo = Helm.FailWith(helm, "template", "release", _chart.ChartDirectory, "--api-versions", "tempo.grafana.com/v1alpha1/TempoMonolithic");

        Assert.Contains("does not serve tempo.grafana.com/v1alpha1 TempoMonolithic", none.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not serve llamastack.io/v1alpha1 LlamaStackDistribution", onlyTempo.Stderr, StringComparison.Ordinal);
    }

    private const string TempoMonolithicApi = "tempo.grafana.com/v1alpha1/TempoMonolithic";
    private const string LlamaStackApi = "llamastack.io/v1alpha1/LlamaStackDistribution";
    private static readonly string[] TempoStack = ["tempo.kind=TempoStack", "tempo.storage.backend=s3", "tempo.storage.secret=tempo-s3"];

    /// <summary>Each API is asked for only when its kind is rendered: the defaults need no TempoStack, OpenTelemetryCollector or UIPlugin API.</summary>
    public static TheoryData<string, string[], string[], string> KindsAndTheirApis
    {
        get
        {
            var data = new TheoryData<string, string[], string[], string>();
            foreach (var helm in Helm.Binaries)
            {
                data.Add(helm, ["collector.mode=operator"], [TempoMonolithicApi, LlamaStackApi], "does not serve opentelemetry.io/v1beta1 OpenTelemetryCollector: install the OpenTelemetry Operator first");
                data.Add(helm, TempoStack, [TempoMonolithicApi, LlamaStackApi], "does not serve tempo.grafana.com/v1alpha1 TempoStack: install the Tempo Operator first");
                data.Add(helm, ["tempo.uiPlugin.enabled=true", "tempo.multitenancy.enabled=true", "collector.image.repository=otel/opentelemetry-collector-contrib"], [TempoMonolithicApi, LlamaStackApi],
                    "does not serve observability.openshift.io/v1alpha1 UIPlugin: install the Cluster Observability Operator first");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndTheirApis))]
    public void CapabilityCheck_ANewKindWithoutItsApi_FailsNamingIt_AndOnlyItsKindNeedsIt(string helm, string[] sets, string[] served, string message)
    {
        string[] apis = [.. served.SelectMany(api => new[] { "--api-versions", api })];

        var missing = Helm.FailWith(helm, ["template", "release", _chart.ChartDirectory, .. apis, .. Helm.SetArguments(sets)]);
        Helm.SucceedWith(helm, ["template", "release", _chart.ChartDirectory, .. apis]);

        Assert.Contains(message, missing.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Binaries))]
    public void CapabilityCheck_TempoStack_DoesNotNeedTheTempoMonolithicApi(string helm)
    {
        var run = Helm.SucceedWith(helm, ["template", "release", _chart.ChartDirectory, "--api-versions", "tempo.grafana.com/v1alpha1/TempoStack", "--api-versions", LlamaStackApi, .. Helm.SetArguments(TempoStack)]);

        Assert.Contains("kind: TempoStack", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("kind: TempoMonolithic", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Binaries))]
    public void CapabilityCheck_ForAnOgxServer_NeedsTheOgxApiAndNotTheLlamaStackOne(string helm)
    {
        string[] ogx = ["--set", "llamaStack.kind=OGXServer", "--set", "llamaStack.version=1.3.0"];
        const string tempo = "tempo.grafana.com/v1alpha1/TempoMonolithic";

        var withoutOgx = Helm.FailWith(helm, ["template", "release", _chart.ChartDirectory, "--api-versions", tempo, "--api-versions", "llamastack.io/v1alpha1/LlamaStackDistribution", .. ogx]);
        var withOgx = Helm.SucceedWith(helm, ["template", "release", _chart.ChartDirectory, "--api-versions", tempo, "--api-versions", "ogx.io/v1beta1/OGXServer", .. ogx]);

        Assert.Contains("does not serve ogx.io/v1beta1 OGXServer: install the OGX Operator first", withoutOgx.Stderr, StringComparison.Ordinal);
        Assert.Contains("kind: OGXServer", withOgx.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("kind: LlamaStackDistribution", withOgx.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Binaries))]
    public void CapabilityCheck_SwitchedOff_RendersOffline(string helm)
    {
        var run = Helm.SucceedWith(helm, "template", "release", _chart.ChartDirectory, "--set", "chart.capabilityChecks=false");

        Assert.Contains("kind: TempoMonolithic", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Binaries))]
    public void Schema_RejectsAValueOfTheWrongType(string helm)
    {
        var run = Helm.FailWith(helm, ["template", "release", _chart.ChartDirectory, .. Helm.OperatorApis, "--set", "collector.replicas=abc"]);

        Assert.Contains(Helm.SchemaRejected, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(helm == "helm3" ? "collector.replicas" : "/collector/replicas", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Binaries))]
    public void Schema_AcceptsGlobalValues(string helm)
    {
        Helm.SucceedWith(helm, ["template", "release", _chart.ChartDirectory, .. Helm.OperatorApis, "--set", "global.foo=bar"]);
    }

    private static readonly (string[] Sets, string Message)[] GuardedCombinations =
    [
        (["collector.image.repository=otel/opentelemetry-collector-contrib", "tempo.multitenancy.enabled=true", "collector.tenant=nobody"], "no tenant named \"nobody\"; tenants are dev"),
        (["patch.strategy=subPath"], "patch.strategy=subPath mounts your own patched tracing.py, which this chart does not contain"),
        (["patch.strategy=initContainer", "llamaStack.distribution.name=", "llamaStack.distribution.image=quay.io/example/llama-stack:0.2.23"], "patch.strategy=initContainer mounts your own patched tracing.py"),
        (["llamaStack.distribution.name=", "llamaStack.distribution.image=docker.io/llamastack/distribution-starter:0.7.1"],
            "llamaStack.version is 0.3.5, but image docker.io/llamastack/distribution-starter:0.7.1 runs 0.7.1: set llamaStack.version"),
        (["llamaStack.kind=OGXServer", "llamaStack.version=1.3.0", "llamaStack.distribution.name=", "llamaStack.distribution.image=registry.example.com:5000/ogxai/distribution-starter:v1.2.0+build"],
            "llamaStack.version is 1.3.0, but image registry.example.com:5000/ogxai/distribution-starter:v1.2.0+build runs 1.2.0"),
    ];

    public static TheoryData<string, string[], string> RejectedCombinations
    {
        get
        {
            var data = new TheoryData<string, string[], string>();
            foreach (var helm in Helm.Binaries)
            {
                foreach (var (sets, message) in GuardedCombinations)
                {
                    data.Add(helm, sets, message);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RejectedCombinations))]
    public void TemplateGuard_RejectedCombination_FailsWithItsReason(string helm, string[] sets, string message)
    {
        var run = Helm.FailWith(helm, ["template", "release", _chart.ChartDirectory, .. Helm.OperatorApis, .. Helm.SetArguments(sets)]);

        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Helm.SchemaRejected, run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The chart rendered from the default options, shared by the tests that only change values.</summary>
    public sealed class DefaultChart : IDisposable
    {
        public RenderedChart Chart { get; } = RenderedChart.Create(null);

        public void Dispose() => Chart.Dispose();
    }
}
