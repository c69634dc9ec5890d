using Generator.Documents;
using Generator.Model;
using Generator.Tests.Support;

namespace Generator.Tests.Chart;

/// <summary>
/// The collector Deployment's checksum/config annotation is the sha256 of the collector config text, in the chart as in
/// the raw manifests, so it changes exactly when the config does and both renderings roll the pods alike.
/// </summary>
public sealed class ChecksumAnnotationTests
{
    private const string ConfigChange = "collector.batch.timeout=10s";
    private const string OtherChange = "collector.replicas=3";

    [Fact]
    public void ChecksumConfig_EqualsTheRawManifests_AndFollowsTheConfig()
    {
        using var chart = RenderedChart.Create(null);
        var raw = chart.Result.Resolve(Collector.ConfigChecksum);
        var changedRaw = Rendering.Render(null, ConfigChange).Resolve(Collector.ConfigChecksum);

        var helm = Checksum(chart.HelmManifests());
        var helmConfigChanged = Checksum(chart.HelmManifests("--set", ConfigChange));
        var helmOtherChanged = Checksum(chart.HelmManifests("--set", OtherChange));

        Assert.Equal(raw, Checksum(chart.RawManifests()));
        Assert.Equal(raw, helm);
        Assert.NotEqual(raw, changedRaw);
        Assert.Equal(changedRaw, helmConfigChanged);
        Assert.Equal(raw, helmOtherChanged);
    }

    private static string? Checksum(IReadOnlyList<Manifest> manifests) =>
        manifests.Single(m => m.Kind == "Deployment").Spec!
            .GetMapping("template")!.GetMapping("metadata")!.GetMapping("annotations")!.GetString("checksum/config");
}
