namespace Generator.Tests.Chart;

/// <summary>
/// The chart and the raw manifests are two renderings of one model: for each option set, helm template of the generated
/// chart (with the same options as values) must produce exactly the raw manifests' objects, field by field and type by
/// type. The option sets (tests/Fixtures/options) together turn every switch of the options.
/// </summary>
public sealed class ChartParityTests
{
    private static readonly string[] Sets =
    [
        "default",
        "cluster-observability",
        "cluster-observability-no-k8sattributes",
        "redhat-collector-multitenant",
        "subpath-s3-contrib-0.140",
        "initcontainer-image",
        "grpc-only-collector-0.120",
        "collector-version-override",
        "custom-names-extra-env",
        "llamastack-0.2.22-user-sinks",
        "llamastack-0.2.14",
        "llamastack-0.4.2",
        "llamastack-0.7.1-metrics-none",
        "ogx",
        "ogx-custom-port",
        "operator-collector",
        "operator-autoscaler-multitenant",
        "operator-collector-grpc-0.120",
        "tempostack-s3",
        "tempostack-gateway-uiplugin",
        "tempostack-tenants-no-gateway",
        "tempostack-operator-redhat",
    ];

    public static TheoryData<string> OptionSets => [.. Sets];

    [Fact]
    public void OptionSets_AreEveryFixtureOptionsFile()
    {
        var files = Directory.GetFiles(Generator.Tests.Support.TestPaths.Fixture("options"), "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal);

        Assert.Equal(files, Sets.Where(s => s != "default").Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void HelmTemplate_RendersTheRawManifestsObjects(string optionSet)
    {
        using var chart = RenderedChart.Create(optionSet == "default" ? null : optionSet);

        var report = chart.ParityReport();

        Assert.True(report.Length == 0, $"option set {optionSet}: chart and raw manifests differ\n{report}");
    }
}
