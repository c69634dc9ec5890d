using Generator.Documents;
using Generator.Facts;
using Generator.Findings;

namespace Generator.Lint.Rules;

/// <summary>
/// A ConfigMap carrying the tracing fix (a key tracing.py or sitecustomize.py) that no workload mounts: applying it
/// changes nothing, the unpatched module keeps mixing traces, and nothing in the cluster says so. Usually the volume
/// names another ConfigMap, or the LlamaStackDistribution lost its podOverrides. When a volume or env source names this
/// ConfigMap with a typo, reference-typo reports the one mistake at that name (saying the ConfigMap is otherwise unused).
/// </summary>
public sealed class PatchConfigMapOrphan : ILintRule
{
    private static readonly string[] PatchKeys = [LlamaStackFacts.TracingModuleFile, LlamaStackFacts.SitecustomizeFile];

    public RuleInfo Info { get; } = new(
        "patch-configmap-orphan",
        Severity.Warning,
        "A ConfigMap carries a tracing patch (tracing.py or sitecustomize.py) that no workload in the linted files mounts.",
        "Mount the ConfigMap in the LlamaStack pod (podOverrides.volumes and volumeMounts), fix the volume's configMap.name, or delete the ConfigMap.");

    public IEnumerable<Finding> Check(LintContext context) =>
        from configMap in context.Manifests.OfKind("ConfigMap")
        let key = configMap.Root.GetMapping("data")?.Entries.FirstOrDefault(e => PatchKeys.Contains(e.Key.Text))
        where key is not null
        where !context.WorkloadsIn(configMap.Namespace).Any(w => w.Volumes.Any(v => v.Objects.Any(o => o.Kind == "ConfigMap" && o.Name == configMap.Name)))
        where !context.MeantByMisspelling(configMap)
        select LintContext.Report(Info, configMap, key.Key, FieldPath.Child("data", key.Key.Text),
            $"{configMap.Ref} carries a tracing patch (key {key.Key.Text}), but no workload in the linted files mounts it: the patch is never loaded");
}
