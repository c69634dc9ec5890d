using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// A ConfigMap or Secret volume (or projected volume source) whose object is not in the bundle. If it is missing in the cluster too, the pod stays in
/// ContainerCreating ("configmap not found") and never starts. Secrets are often created outside git and a pre-commit run
/// may see part of the stack, hence a warning. <c>optional: true</c> volumes and the CA ConfigMaps that Kubernetes and
/// OpenShift create in every namespace are skipped, and so is a name one or two edits from an object the namespace has:
/// that is reference-typo's error.
/// </summary>
public sealed class VolumeSourceMissing : ILintRule
{
    public RuleInfo Info { get; } = new(
        "volume-source-missing",
        Severity.Warning,
        "A ConfigMap or Secret volume references an object that is not in the linted files.",
        "Add the ConfigMap or Secret to the manifests (or lint them together), fix the name, or mark the volume optional if the pod can start without it.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var workload in context.Workloads)
        {
            foreach (var volume in workload.Volumes)
            {
                foreach (var needed in volume.Objects)
                {
                    if (!NameReference.MustResolve(needed.Kind, needed.Name, needed.Optional)
                        || context.Manifests.Find(needed.Kind, workload.Namespace, needed.Name) is not null
                        || context.MisspeltAt(needed.NameNode) is not null)
                    {
                        continue;
                    }

                    yield return LintContext.Report(Info, workload.Manifest, needed.Source.Key, needed.SourcePath,
                        $"volume \"{volume.Name}\" of {workload} uses {needed.Kind} {needed.Name}, which is not in the linted files{(workload.Namespace is null ? string.Empty : $" (namespace {workload.Namespace})")}: "
                        + "the pod cannot start until it exists");
                }
            }
        }
    }
}
