using Generator.Facts;

namespace Generator.Options;

/// <summary>What the collector image options imply: its distribution and release (explicit options win over derivation).</summary>
public static class CollectorImageFacts
{
    public static string ImageReference(this CollectorOptions collector) => $"{collector.Image.Repository}:{collector.Image.Tag}";

    public static CollectorDistribution? EffectiveDistribution(this CollectorOptions collector) =>
        collector.Distribution != CollectorDistribution.Auto
            ? collector.Distribution
            : CollectorCatalog.DistributionOf(collector.Image.Repository ?? string.Empty);

    public static CollectorVersion? EffectiveVersion(this CollectorOptions collector) =>
        CollectorVersion.Parse(collector.Version.Length > 0 ? collector.Version : collector.Image.Tag);
}
