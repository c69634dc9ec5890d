using Generator.Documents;
using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// The RHOAI LlamaStack distributions (<c>rh-*</c>, resolved by the operator to a current image) run Python 3.12 since
/// RHOAI 2.23 (llama-stack-tracing-facts.md §8). A patch mounted under another <c>pythonX.Y/site-packages</c> lands in a
/// directory the interpreter never reads: the pod starts, and the unpatched module runs. The seed mounted under
/// python3.11. Only distributions given by an <c>rh-</c> name are judged; an explicit image may be any Python.
/// </summary>
public sealed class PatchPythonPath : ILintRule
{
    private const string RedHatDistributionPrefix = "rh-";

    public RuleInfo Info { get; } = new(
        "patch-python-path",
        Severity.Warning,
        "A mount under site-packages names a Python version other than the one the RHOAI LlamaStack image runs.",
        $"Mount under {LlamaStackFacts.SitePackages} (the image's Python), or use the sitecustomize strategy, which does not depend on the Python version.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        var expected = PackageMount.PythonVersionOf(LlamaStackFacts.SitePackages);
        return
            from workload in context.Workloads
            let distribution = workload.DistributionName
            where workload.DistributionImage is null && distribution?.StartsWith(RedHatDistributionPrefix, StringComparison.Ordinal) == true
            from mount in PackageMount.In(workload)
            where mount.PythonVersion is not null && mount.PythonVersion != expected
            select LintContext.Report(Info, workload.Manifest, mount.Mount.Node.GetScalar("mountPath"), FieldPath.Child(mount.Mount.Path, "mountPath"),
                $"container \"{mount.Container.Name}\" mounts volume \"{mount.Mount.Name}\" at {mount.Mount.MountPath} (Python {mount.PythonVersion}), "
                + $"but distribution {distribution} runs Python {expected} ({LlamaStackFacts.SitePackages}): the interpreter never reads that directory, so the patch is not loaded");
    }
}
