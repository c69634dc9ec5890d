using Generator.Facts;

namespace Generator.Options;

/// <summary>What the collector image options imply: its release (collector.version wins over the image tag).</summary>
public static class CollectorImageFacts
{
    public static CollectorVersion? EffectiveVersion(this CollectorOptions collector) =>
        CollectorVersion.Parse(collector.Version.Length > 0 ? collector.Version : collector.Image.Tag);
}
