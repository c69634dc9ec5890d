using Generator.Documents;
using Generator.Findings;
using Generator.Lint.Views;
using Generator.Yaml;

namespace Generator.Lint.Rules;

/// <summary>
/// The companion of patch-init-image-skew for a LlamaStackDistribution that names its distribution (e.g. rh-dev): the
/// operator picks the server image, so nothing says whether the init container that fills the site-packages volume
/// matches it. The seed's init container ran ubi-minimal:latest against the rh-dev image, so the files in the package
/// directory came from an unrelated image.
/// </summary>
public sealed class PatchInitImageUnknown : ILintRule
{
    public RuleInfo Info { get; } = new(
        "patch-init-image-unknown",
        Severity.Warning,
        "An init container fills a volume mounted over site-packages, but the server image is chosen by the operator, so the two cannot be compared.",
        "Set spec.server.distribution.image (instead of distribution.name) and run the init container with that same image, or avoid the init container with the sitecustomize strategy.");

    public IEnumerable<Finding> Check(LintContext context) =>
        from mount in PackageMount.HidingDirectories(context)
        where mount.ContainerImage is null
        let distribution = mount.Workload.DistributionName ?? "(none)"
        from init in mount.FillingInitContainers
        select LintContext.Report(Info, mount.Workload.Manifest, (YamlNode?)init.Node.GetScalar("image") ?? init.Node, FieldPath.Child(init.Path, "image"),
            $"init container \"{init.Name}\" (image {init.Image ?? "(none)"}) writes into volume \"{mount.Mount.Name}\", which container \"{mount.Container.Name}\" "
            + $"mounts over {mount.Mount.MountPath}, but the server image comes from distribution name {distribution}, which the operator resolves: "
            + "whether the two images match cannot be checked");
}
