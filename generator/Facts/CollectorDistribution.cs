using Generator.Yaml;

namespace Generator.Facts;

/// <summary>
/// The collector distributions whose component lists <see cref="CollectorCatalog"/> knows, spelled as options files and
/// chart values spell them; <see cref="Auto"/> stands for the one derived from the image repository.
/// </summary>
public enum CollectorDistribution
{
    [WireName("auto")]
    Auto,

    [WireName("core")]
    Core,

    [WireName("contrib")]
    Contrib,

    [WireName("k8s")]
    K8s,

    [WireName("redhat")]
    RedHat,
}
