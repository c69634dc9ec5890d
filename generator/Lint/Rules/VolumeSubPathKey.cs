using Generator.Documents;
using Generator.Findings;

namespace Generator.Lint.Rules;

/// <summary>
/// A subPath mount of a ConfigMap or Secret volume must name a file the volume has: a key, or with <c>items</c> one of the
/// projected paths. Otherwise the kubelet finds nothing at the subPath and creates an empty directory there (or fails the
/// container with "not a directory" when the image has a file at the mount path), so the patched file silently never
/// appears.
/// </summary>
public sealed class VolumeSubPathKey : ILintRule
{
    public RuleInfo Info { get; } = new(
        "volume-subpath-key",
        Severity.Error,
        "A subPath mount of a ConfigMap or Secret volume names a file the volume does not contain (respecting items).",
        "Set subPath to a key of the ConfigMap or Secret (or to an items[].path of the volume), or add that key.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var workload in context.Workloads)
        {
            foreach (var container in workload.AllContainers)
            {
                foreach (var mount in container.VolumeMounts.Where(m => m.SubPath is not null))
                {
                    var volume = workload.VolumeOf(mount);
                    if (volume?.Source is not (var kind, var name, _) || context.Manifests.Find(kind, workload.Namespace, name) is not { } source)
                    {
                        continue;
                    }

                    var files = volume.Items is { } items ? items.Keys.ToList() : Keys(source);
                    var subPath = mount.SubPath!.TrimEnd('/');
                    if (files.Any(f => f == subPath || f.StartsWith(subPath + "/", StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    var what = volume.Items is null ? $"{source.Ref} has keys" : $"volume \"{volume.Name}\" projects only the items paths";
                    yield return LintContext.Report(Info, workload.Manifest, mount.Node.GetScalar("subPath"), FieldPath.Child(mount.Path, "subPath"),
                        $"container \"{container.Name}\" mounts subPath \"{mount.SubPath}\" of volume \"{volume.Name}\" at {mount.MountPath}, but {what}: "
                        + $"{(files.Count == 0 ? "none" : string.Join(", ", files))}");
                }
            }
        }
    }

    private static List<string> Keys(Manifest source) =>
        [.. new[] { "data", "binaryData", "stringData" }.SelectMany(k => source.Root.GetMapping(k)?.Entries ?? []).Select(e => e.Key.Text)];
}
