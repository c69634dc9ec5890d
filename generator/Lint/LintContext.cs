using Generator.Documents;
using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;
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
    private readonly HashSet<YamlDocument> _skipped;
    private readonly Lazy<IReadOnlyList<Workload>> _workloads;
    private readonly Lazy<IReadOnlyList<ServiceView>> _services;
    private readonly Lazy<IReadOnlyList<TempoView>> _tempos;
    private readonly Lazy<IReadOnlyList<PodGroup>> _podGroups;
    private readonly Lazy<IReadOnlyList<CollectorInstance>> _collectors;
    private readonly Lazy<IReadOnlyList<CollectorConfigView>> _collectorConfigs;
    private readonly Lazy<IReadOnlyList<OtlpRoute>> _otlpRoutes;
    private readonly Lazy<ILookup<string, ServiceView>> _servicesByName;
    private readonly Lazy<ILookup<string, TempoView>> _temposByServiceName;
    private readonly Lazy<ILookup<string, CollectorInstance>> _operatedByServiceName;
    private readonly Lazy<ILookup<string, Workload>> _workloadsByNamespace;
    private readonly Lazy<ILookup<Workload, CollectorInstance>> _collectorsByWorkload;
    private readonly Lazy<Dictionary<ContainerView, LlamaStackServer>> _servers;
    private readonly Lazy<Dictionary<CollectorInstance, CollectorConfigView>> _configsByCollector;
    private readonly Lazy<Dictionary<ServiceView, IReadOnlyList<Workload>>> _selected;
    private readonly Lazy<ILookup<Workload, ServiceView>> _selecting;
    private readonly Lazy<IReadOnlyList<NameReference>> _references;
    private readonly Lazy<IReadOnlyList<MisspeltReference>> _misspelt;
    private readonly Lazy<Dictionary<YamlNode, MisspeltReference>> _misspeltByNode;

    public LintContext(ManifestSet manifests, IReadOnlyList<YamlStream> streams, IReadOnlyList<InvalidDocument>? invalidDocuments = null,
        IReadOnlyList<YamlDocument>? skippedDocuments = null)
    {
        Manifests = manifests;
        Streams = streams;
        InvalidDocuments = invalidDocuments ?? [];
        _skipped = [.. skippedDocuments ?? []];
        _streams = streams.GroupBy(s => s.File).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _workloads = new(() => [.. manifests.Select(Workload.From).OfType<Workload>()]);
        _services = new(() => [.. manifests.OfKind("Service").Select(ServiceView.Read)]);
        _tempos = new(() => [.. manifests.OfKind(TempoFacts.Kind).Concat(manifests.OfKind(TempoFacts.StackKind)).Select(TempoView.Read)]);
        _podGroups = new(() =>
        [
            .. Workloads.Select(w => w.Pods).OfType<PodGroup>(),
            .. manifests.Where(m => m.Kind is TempoFacts.Kind or TempoFacts.StackKind or OgxFacts.Kind or LlamaStackFacts.Kind).SelectMany(PodGroup.OfOperator),
        ]);
        _collectors = new(() => [.. Workloads.SelectMany(w => w.Containers.Select(c => CollectorInstance.Find(w, c, this))).OfType<CollectorInstance>()]);
        _collectorConfigs = new(() => [.. Collectors.Select(CollectorConfigView.Of).OfType<CollectorConfigView>()]);
        _otlpRoutes = new(() => OtlpRoute.All(this));
        _servicesByName = new(() => Services.ToLookup(s => s.Name, StringComparer.Ordinal));
        _temposByServiceName = new(() => Tempos
            .SelectMany(t => t.OtlpServiceNames.Select(service => (Service: service, Tempo: t)))
            .ToLookup(p => p.Service, p => p.Tempo, StringComparer.Ordinal));
        _operatedByServiceName = new(() => Collectors.Where(c => c.Operated)
            .SelectMany(c => OpenTelemetryOperatorFacts.OtlpServiceNames(c.Workload.Manifest.Name).Select(service => (Service: service, Collector: c)))
            .ToLookup(p => p.Service, p => p.Collector, StringComparer.Ordinal));
        _workloadsByNamespace = new(() => Workloads.ToLookup(w => w.Namespace ?? string.Empty, StringComparer.Ordinal));
        _collectorsByWorkload = new(() => Collectors.ToLookup(c => c.Workload));
        _servers = new(() => Workloads.SelectMany(w => w.Containers.Select(c => LlamaStackServer.Of(w, c))).OfType<LlamaStackServer>().ToDictionary(s => s.Container));
        _configsByCollector = new(() => CollectorConfigs.ToDictionary(c => c.Collector));
        _selected = new(() => Services.ToDictionary(s => s, s => (IReadOnlyList<Workload>)[.. WorkloadsIn(s.Namespace).Where(s.Selects)]));
        _selecting = new(() => Services.SelectMany(s => SelectedBy(s).Select(w => (Workload: w, Service: s))).ToLookup(p => p.Workload, p => p.Service));
        _references = new(() => NameReference.All(this));
        _misspelt = new(() => MisspeltReference.Find(this, References));
        _misspeltByNode = new(() => MisspeltReferences.GroupBy(t => t.Reference.Node).ToDictionary(g => g.Key, g => g.First())); // nodes compare by identity
    }

    public ManifestSet Manifests { get; }

    /// <summary>Every input as read (including the YAML problems met reading it).</summary>
    public IReadOnlyList<YamlStream> Streams { get; }

    /// <summary>Documents that should be Kubernetes objects but are not (not a mapping, or without apiVersion or kind).</summary>
    public IReadOnlyList<InvalidDocument> InvalidDocuments { get; }

    /// <summary>
    /// Whether a position lies in a document skipped as another tool's YAML (see <see cref="LintInput"/>): such documents
    /// are not linted, so YAML a Kubernetes decoder would reject there is no finding either.
    /// </summary>
    public bool InSkippedDocument(string file, Mark mark) =>
        _skipped.Count > 0
        && _streams.TryGetValue(file, out var stream)
        && stream.Documents.LastOrDefault(d => d.Start.Line < mark.Line || (d.Start.Line == mark.Line && d.Start.Column <= mark.Column)) is { } document
        && _skipped.Contains(document);

    public IReadOnlyList<Workload> Workloads => _workloads.Value;

    public IReadOnlyList<ServiceView> Services => _services.Value;

    public IReadOnlyList<TempoView> Tempos => _tempos.Value;

    /// <summary>
    /// Every set of pods whose labels are known: the pod templates of workloads, and the pods operators run for their custom
    /// resources (OpenTelemetryCollector, LlamaStackDistribution, OGXServer, TempoMonolithic, each TempoStack component).
    /// </summary>
    public IReadOnlyList<PodGroup> PodGroups => _podGroups.Value;

    public IReadOnlyList<CollectorInstance> Collectors => _collectors.Value;

    /// <summary>The parsed configs of the collectors whose config was found (built once, shared by every collector rule).</summary>
    public IReadOnlyList<CollectorConfigView> CollectorConfigs => _collectorConfigs.Value;

    /// <summary>Every OTLP endpoint of every workload, followed through the bundle (built once, shared by the endpoint rules).</summary>
    public IReadOnlyList<OtlpRoute> OtlpRoutes => _otlpRoutes.Value;

    /// <summary>Every reference by name to a ConfigMap, Secret or Service that must resolve (built once, shared by the reference rules).</summary>
    public IReadOnlyList<NameReference> References => _references.Value;

    /// <summary>The references that miss an object of their namespace by a typo (see <see cref="MisspeltReference"/>).</summary>
    public IReadOnlyList<MisspeltReference> MisspeltReferences => _misspelt.Value;

    /// <summary>The misspelt reference named at this scalar, if any: rules that would report the same mistake as a missing object ask this.</summary>
    public MisspeltReference? MisspeltAt(YamlNode? node) => node is not null && _misspeltByNode.Value.TryGetValue(node, out var misspelt) ? misspelt : null;

    /// <summary>Whether an object is the one a misspelt reference meant (so an "unused" finding about it is that reference's, not its own).</summary>
    public bool MeantByMisspelling(Manifest manifest) => MisspeltReferences.Any(t => ReferenceEquals(t.MeantObject, manifest));

    /// <summary>Workloads in a namespace; a null namespace on either side matches any (a document without one).</summary>
    public IEnumerable<Workload> WorkloadsIn(string? ns) =>
        ns is null ? Workloads : _workloadsByNamespace.Value[ns].Concat(_workloadsByNamespace.Value[string.Empty]);

    /// <summary>The workloads whose pods a Service of the bundle selects.</summary>
    public IReadOnlyList<Workload> SelectedBy(ServiceView service) => _selected.Value[service];

    /// <summary>The Services that select a workload's pods.</summary>
    public IEnumerable<ServiceView> ServicesSelecting(Workload workload) => _selecting.Value[workload];

    /// <summary>The collector containers of a workload.</summary>
    public IEnumerable<CollectorInstance> CollectorsOf(Workload workload) => _collectorsByWorkload.Value[workload];

    /// <summary>The shared parsed config of a collector (one of <see cref="CollectorConfigs"/>); null when it was not found or did not parse.</summary>
    public CollectorConfigView? ConfigOf(CollectorInstance collector) => _configsByCollector.Value.GetValueOrDefault(collector);

    /// <summary>The LlamaStack (or OGX) server a main container of a workload is, worked out once for every rule that asks; null for other containers.</summary>
    public LlamaStackServer? ServerOf(ContainerView container) => _servers.Value.GetValueOrDefault(container);

    /// <summary>The collector of the workload that a Service port reaches (the first, when the port names no container).</summary>
    public CollectorInstance? CollectorAt(Workload workload, ServicePortTarget target) =>
        CollectorsOf(workload).FirstOrDefault(c => target.Container is null || c.Container == target.Container);

    /// <summary>The parsed source of a manifest's file (an empty stream for objects rendered in memory).</summary>
    public YamlStream StreamOf(Manifest manifest) =>
        _streams.TryGetValue(manifest.File, out var stream) ? stream : new YamlStream(manifest.File, string.Empty, [], []);

    public ServiceView? FindService(string name, string? ns) =>
        _servicesByName.Value[name].FirstOrDefault(s => s.SameNamespace(ns));

    /// <summary>The TempoMonolithic or TempoStack whose operator-made OTLP Service has this name in this namespace.</summary>
    public TempoView? TempoServing(string serviceName, string? ns) =>
        _temposByServiceName.Value[serviceName].FirstOrDefault(t => ObjectRef.SameNamespace(t.Namespace, ns));

    /// <summary>The collector of the OpenTelemetryCollector whose operator-made Service (<c>X-collector</c>, <c>X-collector-headless</c>) has this name in this namespace.</summary>
    public CollectorInstance? CollectorServing(string serviceName, string? ns) =>
        _operatedByServiceName.Value[serviceName].FirstOrDefault(c => ObjectRef.SameNamespace(c.Workload.Namespace, ns));

    /// <summary>The names of the Services the OpenTelemetry Operator creates for the collectors of a namespace (none for a sidecar).</summary>
    public IEnumerable<string> OperatedServiceNames(string? ns) =>
        _operatedByServiceName.Value.Where(byName => byName.Any(c => ObjectRef.SameNamespace(c.Workload.Namespace, ns) && c.Mode != OpenTelemetryOperatorFacts.SidecarMode)).Select(byName => byName.Key);

    /// <summary>A finding of <paramref name="rule"/> at a node of a manifest.</summary>
    /// <summary>A finding of <paramref name="rule"/> at the value of an env var of a manifest's container.</summary>
    public static Finding Report(RuleInfo rule, Manifest manifest, EnvView env, string message) => Report(rule, manifest, env.Value, env.ValuePath, message);

    public static Finding Report(RuleInfo rule, Manifest manifest, YamlNode? node, string path, string message) =>
        Finding.At(rule.Id, rule.DefaultSeverity, manifest.File, node?.Start ?? manifest.Document.Start, path, message);

    /// <summary>A finding of <paramref name="rule"/> inside a collector's config (positions are in the file of the ConfigMap or OpenTelemetryCollector).</summary>
    public static Finding Report(RuleInfo rule, CollectorInstance collector, YamlNode? node, string configPath, string message) =>
        Finding.At(rule.Id, rule.DefaultSeverity, collector.ConfigFile, node?.Start ?? collector.ConfigOwner?.Document.Start ?? Mark.None,
            collector.PathInConfig(configPath), message);
}
