using System.Globalization;
using Generator.Facts;
using Generator.Findings;
using Generator.Lint;
using Generator.Lint.Views;
using Generator.Yaml;

namespace Generator.Graph;

/// <summary>
/// Draws the tracing wiring from the views lint judges it by, so the picture and the findings cannot disagree, and a
/// kind those views learn (another workload, collector or Tempo resource) shows up here unchanged:
/// <list type="bullet">
/// <item>every <see cref="OtlpRoute"/>: the workload (<see cref="Workload"/>) → the Service, the Tempo instance or the
/// missing Service its endpoint names, labelled with the OTLP protocol and port;</item>
/// <item>the <see cref="ServiceView"/>s those routes and the collectors' exporters reach, and those selecting a collector:
/// each port → the collector receiver listening at its target (or the workload, a "config not found" or "config unreadable"
/// node behind a collector without a config it can read, or "no pods" when nothing is selected);</item>
/// <item>each collector (<see cref="CollectorConfigView"/>) as a box of its pipelines: receivers → processors (one node
/// per pipeline, as the collector runs them) → exporters, with connectors shared between pipelines;</item>
/// <item>each OTLP exporter → the <see cref="TempoView"/> whose operator-made Service it names, a Service, a missing
/// Service or an endpoint outside the cluster.</item>
/// </list>
/// An edge carries the error and warning findings located anywhere in the YAML that defines it (the endpoint env var and
/// its protocol variable, the Service port, the pipeline entries, the exporter's settings), by rule id.
/// </summary>
public sealed class WiringGraphBuilder
{
    private readonly LintContext _context;
    private readonly Dictionary<(string File, int Line, int Column), List<EdgeFinding>> _findings = [];
    private readonly Dictionary<string, (NodeKind Kind, IReadOnlyList<string> Label, string? Cluster)> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Label, string? Parent)> _clusters = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To, string Label), HashSet<(string RuleId, Severity Severity)>> _edges = [];

    private WiringGraphBuilder(LintContext context, IEnumerable<Finding> findings)
    {
        _context = context;
        foreach (var finding in findings.Where(f => f.Severity >= Severity.Warning && f.Line > 0))
        {
            var key = (finding.File, finding.Line, finding.Column);
            if (!_findings.TryGetValue(key, out var list))
            {
                _findings[key] = list = [];
            }

            list.Add(new EdgeFinding(finding.RuleId, finding.Severity));
        }
    }

    /// <param name="context">The bundle and its views.</param>
    /// <param name="findings">The run's findings at their positions in the files read (not mapped to Helm templates).</param>
    public static WiringGraph Build(LintContext context, IEnumerable<Finding> findings)
    {
        var builder = new WiringGraphBuilder(context, findings);
        builder.AddTempos();
        builder.AddRoutes();
        builder.AddCollectors();
        builder.AddServices();
        return builder.Graph();
    }

    private void AddTempos()
    {
        foreach (var tempo in _context.Tempos)
        {
            TempoNode(tempo);
        }
    }

    private void AddRoutes()
    {
        var routesPerWorkload = _context.OtlpRoutes.GroupBy(r => r.Workload).ToDictionary(g => g.Key, g => g.Count());
        foreach (var route in _context.OtlpRoutes)
        {
            var protocol = route.SentTransport is { } sent ? "OTLP/" + OtlpRoute.NameOf(sent) : "OTLP (protocol unset)";
            var prefix = routesPerWorkload[route.Workload] > 1 ? route.Container.Name + ": " : string.Empty;
            var port = route.Port.ToString(CultureInfo.InvariantCulture);
            var (to, label) = route.Service is { } service ? (ServiceNode(service), $"{protocol} :{port}")
                : route.Tempo is { } tempo ? (TempoNode(tempo), $"{protocol} {route.Target.Service}:{port}")
                : OperatorServiceNode(route.Target.Service, route.Target.Namespace, route.Port) is { } made ? (made, $"{protocol} :{port}")
                : (MissingServiceNode(route.Target.Service, route.Target.Namespace), $"{protocol} :{port}");
            var file = route.Workload.Manifest.File;
            Edge(WorkloadNode(route.Workload), to, prefix + label, (file, route.Env.Value), (file, route.ProtocolEnv?.Value));
        }
    }

    private void AddCollectors()
    {
        foreach (var config in _context.CollectorConfigs)
        {
            var file = config.Collector.ConfigFile;
            foreach (var pipeline in config.Pipelines)
            {
                var references = config.References.Where(r => ReferenceEquals(r.Pipeline, pipeline)).ToList();
                var stages = new List<List<(string Node, ComponentReference Reference)>>
                {
                    Stage(config, references.Where(r => r.Role == ComponentKind.Receiver), pipeline),
                };
                stages.AddRange(references.Where(r => r.Role == ComponentKind.Processor).Select(r => Stage(config, [r], pipeline)));
                stages.Add(Stage(config, references.Where(r => r.Role == ComponentKind.Exporter), pipeline));
                stages.RemoveAll(s => s.Count == 0);
                for (var i = 1; i < stages.Count; i++)
                {
                    foreach (var from in stages[i - 1])
                    {
                        foreach (var to in stages[i])
                        {
                            Edge(from.Node, to.Node, pipeline.Key.Text, (file, from.Reference.Node), (file, to.Reference.Node));
                        }
                    }
                }
            }

            foreach (var exporter in config.OtlpExporters())
            {
                AddExporter(config, exporter);
            }
        }
    }

    private List<(string Node, ComponentReference Reference)> Stage(CollectorConfigView config, IEnumerable<ComponentReference> references, PipelineView pipeline) =>
        [.. references.Select(r => (ComponentNode(config, r.Role, r.Id, pipeline), r))];

    private void AddExporter(CollectorConfigView config, OtlpExporter exporter)
    {
        var from = ComponentNode(config, ComponentKind.Exporter, exporter.Definition.Id, null);
        var protocol = exporter.Grpc ? "OTLP/gRPC" : "OTLP/HTTP";
        var port = exporter.Grpc ? exporter.Endpoint.Port : exporter.Endpoint.EffectivePort;
        var portText = port?.ToString(CultureInfo.InvariantCulture) ?? "(no port)";
        string to;
        var label = $"{protocol} :{portText}";
        if (exporter.Endpoint.ClusterService(config.Collector.Workload.Namespace) is var (service, ns))
        {
            if (_context.TempoServing(service, ns) is { } tempo)
            {
                to = TempoNode(tempo);
                label = $"{protocol} {service}:{portText}";
            }
            else
            {
                to = _context.FindService(service, ns) is { } found ? ServiceNode(found)
                    : OperatorServiceNode(service, ns, port ?? 0) ?? MissingServiceNode(service, ns);
            }
        }
        else
        {
            to = Node($"external/{exporter.Endpoint.Host}:{portText}", NodeKind.External, [exporter.EndpointNode.Text], null);
        }

        Edge(from, to, label, (config.Collector.ConfigFile, exporter.Definition.Key), (config.Collector.ConfigFile, exporter.Definition.Value));
    }

    /// <summary>The Services the picture shows: those the routes and exporters reach, and those in front of a collector.</summary>
    private void AddServices()
    {
        var shown = _context.Services.Where(s => _nodes.ContainsKey(ServiceKey(s))
            || _context.SelectedBy(s).Any(w => _context.CollectorsOf(w).Any())).ToList();
        foreach (var service in shown)
        {
            var from = ServiceNode(service);
            var file = service.Manifest.File;
            var selected = _context.SelectedBy(service);
            if (selected.Count == 0 && service.Selector is { Count: > 0 } selector)
            {
                Edge(from, Node($"nopods/{service.Namespace ?? "-"}/{service.Name}", NodeKind.Missing, ["no pods match the selector"], NamespaceCluster(service.Namespace)),
                    "selector " + service.SelectorText, (file, service.SelectorKey), (file, selector));
            }

            foreach (var port in service.Ports)
            {
                foreach (var workload in selected)
                {
                    AddServicePort(service, port, workload);
                }
            }
        }
    }

    private void AddServicePort(ServiceView service, ServicePortView port, Workload workload)
    {
        var from = ServiceNode(service);
        var anchor = (service.Manifest.File, (YamlNode?)port.Node);
        var number = port.Port.ToString(CultureInfo.InvariantCulture);
        if (ServicePortTarget.Resolve(port, workload) is not { } target)
        {
            Edge(from, WorkloadNode(workload), $"{number} → {port.Target}", anchor);
            return;
        }

        var collector = _context.CollectorAt(workload, target);
        var label = $"{number} → {target.Number.ToString(CultureInfo.InvariantCulture)}";
        if (collector is null)
        {
            Edge(from, WorkloadNode(workload), label, anchor);
            return;
        }

        if (_context.ConfigOf(collector) is not { } config)
        {
            // The collector cannot start without a config it can read: the spans stop at its pod. The findings that say
            // why mark both edges: on the config's source (the volume, the --config argument), or in the config itself.
            var pod = WorkloadNode(workload);
            var noConfig = ConfigMissingNode(collector);
            Edge(from, pod, label, anchor);
            Edge(pod, noConfig, "config");
            foreach (var edge in new[] { (from, pod, label), (pod, noConfig, "config") })
            {
                MarkConfigProblems(edge, collector);
            }

            return;
        }

        // Ports of a collector that reach no receiver (health check, metrics) are not part of the span path.
        if (config.Listeners().FirstOrDefault(l => l.Port == target.Number && l.Component is { Kind: ComponentKind.Receiver }) is { } listener)
        {
            var receiver = listener.Component!;
            var protocol = receiver.Id.Type == "otlp" && listener.Protocol is not null ? "OTLP/" + OtlpRoute.NameOf(listener.Transport) : receiver.Id.Type;
            Edge(from, ComponentNode(config, ComponentKind.Receiver, receiver.Id, null), $"{protocol} {number} → {target.Number.ToString(CultureInfo.InvariantCulture)}",
                anchor, (collector.ConfigFile, listener.Node));
        }
    }

    private string WorkloadNode(Workload workload) =>
        Node($"workload/{workload.Namespace ?? "-"}/{workload.Manifest.Name}", NodeKind.Workload,
            [$"{workload.Manifest.Kind} {workload.Manifest.Name}"], NamespaceCluster(workload.Namespace));

    private static string ServiceKey(ServiceView service) => $"service/{service.Namespace ?? "-"}/{service.Name}";

    private string ServiceNode(ServiceView service) =>
        Node(ServiceKey(service), NodeKind.Service, [$"Service {service.Name}"], NamespaceCluster(service.Namespace));

    /// <summary>
    /// A Service the OpenTelemetry Operator creates for a collector of the bundle (it is not in the linted files, but it
    /// will exist), with its edge into the receiver listening on the port: null when no such collector is there.
    /// </summary>
    private string? OperatorServiceNode(string name, string? ns, long port)
    {
        if (_context.CollectorServing(name, ns) is not { } collector)
        {
            return null;
        }

        var node = Node($"service/{ns ?? "-"}/{name}", NodeKind.Service, [$"Service {name}", $"made by the operator for {collector.Workload.Manifest.Kind} {collector.Workload.Manifest.Name}"],
            NamespaceCluster(ns ?? collector.Workload.Namespace));
        if (_context.ConfigOf(collector) is { } config && config.OtlpListeners().FirstOrDefault(l => l.Port == port) is { Component: { } receiver } listener)
        {
            var number = port.ToString(CultureInfo.InvariantCulture);
            Edge(node, ComponentNode(config, ComponentKind.Receiver, receiver.Id, null), $"OTLP/{OtlpRoute.NameOf(listener.Transport)} {number} → {number}",
                (collector.ConfigFile, listener.Node));
        }

        return node;
    }

    private string ConfigMissingNode(CollectorInstance collector) =>
        Node($"noconfig/{collector.Workload.Namespace ?? "-"}/{collector.Workload.Manifest.Name}/{collector.Container.Name}", NodeKind.Missing,
            [$"config of container {collector.Container.Name}", collector.SourceProblem is null ? "unreadable" : "not found"], NamespaceCluster(collector.Workload.Namespace));

    /// <summary>Puts on an edge the findings that say why a collector has no config: at its source, at the config's field, inside its text.</summary>
    private void MarkConfigProblems((string From, string To, string Label) edge, CollectorInstance collector)
    {
        if (collector.SourceProblem is { } source)
        {
            Edge(edge.From, edge.To, edge.Label, (source.Manifest.File, source.Node));
            return;
        }

        var field = collector.Operated ? collector.ConfigNode : collector.ConfigOwner?.Root.GetMapping("data");
        Edge(edge.From, edge.To, edge.Label, (collector.ConfigFile, field));
        MarkWithFindingsAt(edge, collector.ConfigFile, collector.ConfigProblems.Select(p => p.Mark));
    }

    private string MissingServiceNode(string name, string? ns) =>
        Node($"missing/{ns ?? "-"}/{name}", NodeKind.Missing, [$"Service {name}", "not in the linted files"], NamespaceCluster(ns));

    private string TempoNode(TempoView tempo)
    {
        var label = new List<string> { $"{tempo.Manifest.Kind} {tempo.Name}", $"storage: {tempo.StorageBackend}" };
        if (tempo.GatewayEnabled)
        {
            label.Add($"gateway, tenants: {string.Join(", ", tempo.Tenants)}");
        }

        return Node($"tempo/{tempo.Namespace ?? "-"}/{tempo.Name}", NodeKind.Tempo, label, NamespaceCluster(tempo.Namespace));
    }

    /// <summary>A receiver, exporter or connector of a collector (one node each), or a processor of one pipeline; a component the config does not define is a missing node.</summary>
    private string ComponentNode(CollectorConfigView config, ComponentKind role, ComponentId id, PipelineView? pipeline)
    {
        var cluster = CollectorCluster(config);
        var definition = config.Definitions.FirstOrDefault(d => d.Id == id && CollectorConfigView.Fills(d.Kind, role));
        var kind = definition?.Kind ?? role;
        var key = $"{cluster}/{CollectorConfigView.KindName(kind)}/{id}" + (kind == ComponentKind.Processor && pipeline is not null ? "/" + pipeline.Key.Text : string.Empty);
        if (definition is null)
        {
            return Node(key, NodeKind.Missing, [$"{CollectorConfigView.KindName(role)} {id}", "not defined"], cluster);
        }

        // A processor runs once per pipeline: its pipeline names the node, so a reader (and a test) tells the two batch nodes apart.
        var label = new List<string> { $"{CollectorConfigView.KindName(kind)} {id}" + (kind == ComponentKind.Processor && pipeline is not null ? $" ({pipeline.Key.Text})" : string.Empty) };
        label.AddRange(config.Listeners().Where(l => ReferenceEquals(l.Component, definition)).Select(l => (l.Protocol is null ? string.Empty : l.Protocol + " ") + l.Endpoint));
        var nodeKind = kind switch
        {
            ComponentKind.Receiver => NodeKind.Receiver,
            ComponentKind.Processor => NodeKind.Processor,
            ComponentKind.Connector => NodeKind.Connector,
            _ => NodeKind.Exporter,
        };
        return Node(key, nodeKind, label, cluster);
    }

    private string? NamespaceCluster(string? ns)
    {
        if (ns is null)
        {
            return null;
        }

        var key = "ns/" + ns;
        _clusters.TryAdd(key, ("namespace " + ns, null));
        return key;
    }

    private string CollectorCluster(CollectorConfigView config)
    {
        var collector = config.Collector;
        var workload = collector.Workload;
        var several = _context.CollectorsOf(workload).Count() > 1;
        var key = $"collector/{workload.Namespace ?? "-"}/{workload.Manifest.Name}" + (several ? "/" + collector.Container.Name : string.Empty);
        _clusters.TryAdd(key, ($"collector {workload.Manifest.Kind} {workload.Manifest.Name} ({collector.Image})", NamespaceCluster(workload.Namespace)));
        return key;
    }

    private string Node(string key, NodeKind kind, IReadOnlyList<string> label, string? cluster)
    {
        _nodes.TryAdd(key, (kind, label, cluster));
        return key;
    }

    private void Edge(string from, string to, string label, params (string File, YamlNode? Node)[] anchors)
    {
        _edges.TryAdd((from, to, label), []);
        foreach (var (file, node) in anchors)
        {
            MarkWithFindingsAt((from, to, label), file, Marks(node));
        }
    }

    /// <summary>Puts on an edge the findings located at these positions of a file.</summary>
    private void MarkWithFindingsAt((string From, string To, string Label) edge, string file, IEnumerable<Mark> marks)
    {
        foreach (var mark in marks)
        {
            if (_findings.TryGetValue((file, mark.Line, mark.Column), out var found))
            {
                _edges[edge].UnionWith(found.Select(f => (f.RuleId, f.Severity)));
            }
        }
    }

    /// <summary>The positions of a node and of everything under it (keys included), where findings about it are located.</summary>
    private static IEnumerable<Mark> Marks(YamlNode? node)
    {
        var pending = new Stack<YamlNode>();
        if (node is not null)
        {
            pending.Push(node);
        }

        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current.Start;
            switch (current)
            {
                case YamlMapping mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        yield return entry.Key.Start;
                        pending.Push(entry.Value);
                    }

                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The graph with ids made from the keys (lower-case letters, digits and <c>_</c>, which Mermaid and DOT accept bare;
    /// keys that fold to the same id get <c>_2</c>, <c>_3</c> in key order), so an id stays the same while its object does.
    /// </summary>
    private WiringGraph Graph()
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in _clusters.Keys.Concat(_nodes.Keys).Order(StringComparer.Ordinal))
        {
            var id = string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_'));
            var unique = id;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = id + "_" + n.ToString(CultureInfo.InvariantCulture);
            }

            ids[key] = unique;
        }

        string? IdOf(string? key) => key is null ? null : ids[key];
        return new WiringGraph(
            [.. _clusters.OrderBy(c => ids[c.Key], StringComparer.Ordinal).Select(c => new GraphCluster(ids[c.Key], c.Value.Label, IdOf(c.Value.Parent)))],
            [.. _nodes.OrderBy(n => ids[n.Key], StringComparer.Ordinal).Select(n => new GraphNode(ids[n.Key], n.Value.Kind, n.Value.Label, IdOf(n.Value.Cluster)))],
            [.. _edges
                .Select(e => new GraphEdge(ids[e.Key.From], ids[e.Key.To], e.Key.Label, [.. e.Value.OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Severity).Select(f => new EdgeFinding(f.RuleId, f.Severity))]))
                .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ThenBy(e => e.Label, StringComparer.Ordinal)]);
    }
}
