using Generator.Facts;
using Generator.Lint.Views;
using Generator.Model;
using Generator.Output;
using Generator.Yaml;

namespace Generator.Lint;

/// <summary>A document that could not be read as a Kubernetes object, and why.</summary>
public sealed record InvalidDocument(YamlDocument Document, string Problem);

/// <summary>
/// The bundle every rule sees: all objects of the run and views derived from them once (workloads, Services, Tempo
/// instances, collectors with their parsed configs), so that no rule parses or walks the same thing again.
/// </summary>
public sealed class LintContext
{
    private readonly Dictionary<string, YamlStream> _streams;
    private readonly Lazy<IReadOnlyList<Workload>> _workloads;
    private readonly Lazy<IReadOnlyList<ServiceView>> _services;
    private readonly Lazy<IReadOnlyList<TempoView>> _tempos;
    private readonly Lazy<IReadOnlyList<CollectorInstance>> _collectors;

    public LintContext(ManifestSet manifests, IReadOnlyList<YamlStream> streams, IReadOnlyList<InvalidDocument>? invalidDocuments = null)
    {
        Manifests = manifests;
        Streams = streams;
        InvalidDocuments = invalidDocuments ?? [];
        _streams = streams.GroupBy(s => s.File).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _workloads = new(() => [.. manifests.Select(Workload.From).OfType<Workload>()]);
        _services = new(() => [.. manifests.OfKind("Service").Select(ServiceView.Read)]);
        _tempos = new(() => [.. manifests.OfKind(TempoFacts.Kind).Select(TempoView.Read)]);
        _collectors = new(() => [.. Workloads.SelectMany(w => w.Containers.Select(c => CollectorInstance.Find(w, c, this))).OfType<CollectorInstance>()]);
    }

    public ManifestSet Manifests { get; }

    /// <summary>Every input as read (including the YAML problems met reading it).</summary>
    public IReadOnlyList<YamlStream> Streams { get; }

    /// <summary>Documents that are not Kubernetes objects (not a mapping, or without apiVersion or kind).</summary>
    public IReadOnlyList<InvalidDocument> InvalidDocuments { get; }

    public IReadOnlyList<Workload> Workloads => _workloads.Value;

    public IReadOnlyList<ServiceView> Services => _services.Value;

    public IReadOnlyList<TempoView> Tempos => _tempos.Value;

    public IReadOnlyList<CollectorInstance> Collectors => _collectors.Value;

    /// <summary>The parsed source of a manifest's file (an empty stream for objects rendered in memory).</summary>
    public YamlStream StreamOf(Manifest manifest) =>
        _streams.TryGetValue(manifest.File, out var stream) ? stream : new YamlStream(manifest.File, string.Empty, [], []);

    public ServiceView? FindService(string name, string? ns) =>
        Services.FirstOrDefault(s => s.Name == name && s.SameNamespace(ns));

    /// <summary>The TempoMonolithic whose operator-made Service has this name in this namespace.</summary>
    public TempoView? TempoServing(string serviceName, string? ns) =>
        Tempos.FirstOrDefault(t => (ns is null || t.Namespace is null || t.Namespace == ns)
            && (serviceName == TempoFacts.ServiceName(t.Name) || serviceName == TempoFacts.GatewayServiceName(t.Name)));

    /// <summary>A finding of <paramref name="rule"/> at a node of a manifest.</summary>
    public static Finding Report(RuleInfo rule, Manifest manifest, YamlNode? node, string path, string message) =>
        Finding.At(rule.Id, rule.DefaultSeverity, manifest.File, node?.Start ?? manifest.Document.Start, path, message);

    /// <summary>A finding of <paramref name="rule"/> inside a collector's config (positions are in the ConfigMap's file).</summary>
    public static Finding Report(RuleInfo rule, CollectorInstance collector, YamlNode? node, string configPath, string message) =>
        Finding.At(rule.Id, rule.DefaultSeverity, collector.ConfigFile, node?.Start ?? collector.ConfigMap?.Document.Start ?? Mark.None,
            collector.PathInConfig(configPath), message);
}
