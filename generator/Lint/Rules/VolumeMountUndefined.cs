using Generator.Documents;
using Generator.Findings;

namespace Generator.Lint.Rules;

/// <summary>
/// A volumeMount must name a volume of the pod. The API server validates a Deployment's pod template like a pod and
/// rejects the object ("volumeMounts[0].name: Not found"); for a LlamaStackDistribution the Deployment the operator
/// builds is rejected the same way, so the server never starts.
/// </summary>
public sealed class VolumeMountUndefined : ILintRule
{
    public RuleInfo Info { get; } = new(
        "volume-mount-undefined",
        Severity.Error,
        "A container mounts a volume that the pod does not define; the API server rejects the pod.",
        "Add the volume to the pod's volumes (podOverrides.volumes for a LlamaStackDistribution) or fix the mount's name.");

    public IEnumerable<Finding> Check(LintContext context) =>
        from workload in context.Workloads
        from container in workload.AllContainers
        from mount in container.VolumeMounts
        where workload.VolumeOf(mount) is null
        select LintContext.Report(Info, workload.Manifest, mount.Node.GetScalar("name"), FieldPath.Child(mount.Path, "name"),
            $"container \"{container.Name}\" mounts volume \"{mount.Name}\" at {mount.MountPath}, but {workload} defines no such volume "
            + $"(volumes: {(workload.Volumes.Count == 0 ? "none" : string.Join(", ", workload.Volumes.Select(v => v.Name)))})");
}
