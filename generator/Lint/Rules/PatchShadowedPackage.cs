using Generator.Documents;
using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// A volume mounted (without subPath) over a Python package directory of the image hides everything the image has there.
/// The seed mounted an emptyDir over llama_stack/providers/utils/telemetry and had an init container copy only the patched
/// tracing.py into it: <c>__init__.py</c> and the package's other modules vanish, so the server fails importing them (or,
/// as a namespace package, runs without them). An emptyDir that an init container fills with a copy of that very
/// directory (it names the path in its command) is accepted; rule patch-init-image-skew then checks the copy's image.
/// </summary>
public sealed class PatchShadowedPackage : ILintRule
{
    public RuleInfo Info { get; } = new(
        "patch-shadowed-package",
        Severity.Error,
        "A volume mounted over a Python package directory (under site-packages) hides the package's other modules.",
        $"Mount only the patched file (mountPath .../{LlamaStackFacts.TelemetryPackage}/{LlamaStackFacts.TracingModuleFile} with subPath: {LlamaStackFacts.TracingModuleFile}), or use the sitecustomize strategy (the fix on PYTHONPATH, nothing mounted into site-packages).");

    public IEnumerable<Finding> Check(LintContext context) =>
        from mount in PackageMount.HidingDirectories(context)
        where !CopiesOriginal(mount)
        let fillers = mount.FillingInitContainers.Select(i => $"\"{i.Name}\"").ToList()
        select LintContext.Report(Info, mount.Workload.Manifest, mount.Mount.Node.GetScalar("mountPath"), FieldPath.Child(mount.Mount.Path, "mountPath"),
            $"{mount.VolumeDescription} is mounted over {mount.Mount.MountPath} in container \"{mount.Container.Name}\": it hides "
            + (mount.Package is null ? "every package the image installed there" : $"the image's package {mount.Package} (its __init__.py and other modules)")
            + (fillers.Count == 0 ? string.Empty : $"; only what init container {string.Join(", ", fillers)} copies in remains")
            + "; mount just the patched file with subPath, or use the sitecustomize strategy");

    /// <summary>An emptyDir that an init container fills by copying the directory it is mounted over (its command names the path).</summary>
    private static bool CopiesOriginal(PackageMount mount) =>
        mount.Volume?.IsEmptyDir == true
        && mount.FillingInitContainers.Any(i => i.Arguments.Any(a => a.Text.Contains(mount.Mount.MountPath.TrimEnd('/'), StringComparison.Ordinal)));
}
