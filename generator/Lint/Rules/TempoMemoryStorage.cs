using Generator.Facts;
using Generator.Findings;
using Generator.Yaml;

namespace Generator.Lint.Rules;

/// <summary>
/// A TempoMonolithic with storage backend memory (the default when spec.storage is unset) keeps traces in a tmpfs of the
/// pod: every restart, eviction or operator upgrade loses all of them, and a busy stack fills the pod's memory. Fine for
/// a demo, not for traces anyone needs later.
/// </summary>
public sealed class TempoMemoryStorage : ILintRule
{
    public RuleInfo Info { get; } = new(
        "tempo-memory-storage",
        Severity.Warning,
        "A TempoMonolithic stores traces in memory (the default), so they are lost whenever the pod restarts.",
        "Set spec.storage.traces.backend to pv (with a size) or to s3, azure or gcs with a storage secret.");

    public IEnumerable<Finding> Check(LintContext context) =>
        from tempo in context.Tempos
        where tempo.StorageBackend == "memory"
        let backend = tempo.StorageBackendNode
        select LintContext.Report(Info, tempo.Manifest, (YamlNode?)backend ?? tempo.Manifest.Root.Find("spec")?.Key, backend is null ? "spec" : "spec.storage.traces.backend",
            $"{tempo.Manifest.Ref} keeps traces in memory ({(backend is null ? "spec.storage.traces.backend is unset and defaults to memory" : "backend: memory")}): "
            + $"a restart of pod {TempoFacts.PodName(tempo.Name)} loses every trace");
}
