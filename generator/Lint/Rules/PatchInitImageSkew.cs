using Generator.Documents;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// An init container that writes into a volume the main container mounts over a Python package directory must run the
/// main container's image. Otherwise what it copies comes from another build: another llama-stack version's modules (or,
/// from a plain UBI image, none at all) end up inside the server's site-packages, and the server imports a mix of
/// versions or fails to start.
/// </summary>
public sealed class PatchInitImageSkew : ILintRule
{
    public RuleInfo Info { get; } = new(
        "patch-init-image-skew",
        Severity.Error,
        "An init container filling a volume mounted over site-packages runs a different image than the main container.",
        "Run the init container with exactly the main container's image (for a LlamaStackDistribution, spec.server.distribution.image), so what it copies matches the installed package.");

    public IEnumerable<Finding> Check(LintContext context) =>
        from mount in PackageMount.HidingDirectories(context)
        let image = mount.ContainerImage
        where image is not null
        from init in mount.FillingInitContainers
        where init.Image is not null && init.Image != image
        select LintContext.Report(Info, mount.Workload.Manifest, init.Node.GetScalar("image"), FieldPath.Child(init.Path, "image"),
            $"init container \"{init.Name}\" runs {init.Image} and writes into volume \"{mount.Mount.Name}\", which container \"{mount.Container.Name}\" "
            + $"(image {image}) mounts over {mount.Mount.MountPath}: the package files come from another image than the one that runs them");
}
