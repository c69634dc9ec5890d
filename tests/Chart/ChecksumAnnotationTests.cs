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

        Assert.Equal(Sha256(ConfigText(chart.RawManifests())), raw);
        Assert.Equal(raw, Checksum(chart.RawManifests()));
        Assert.Equal(raw, helm);
        Assert.NotEqual(raw, changedRaw);
        Assert.Equal(changedRaw, helmConfigChanged);
        Assert.Equal(raw, helmOtherChanged);
    }

    /// <summary>The collector config as the ConfigMap holds it.</summary>
    private static string ConfigText(IReadOnlyList<Manifest> manifests) =>
        manifests.Single(m => m.Kind == "ConfigMap" && m.Root.GetMapping("data")?.GetString(Collector.ConfigKey) is not null)
            .Root.GetMapping("data")!.GetString(Collector.ConfigKey)!;

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static string? Checksum(IReadOnlyList<Manifest> manifests) =>
        manifests.Single(m => m.Kind == "Deployment").Spec!
            .GetMapping("template")!.GetMapping("metadata")!.GetMapping("annotations")!.GetString("checksum/config");
}
