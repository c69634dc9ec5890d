using System.Globalization;
using System.Text.RegularExpressions;
using Generator.Documents;
using Generator.Facts;
using Generator.Findings;
using Generator.Yaml;

namespace Generator.Lint.Views;

/// <summary>
/// A component id <c>type[/name]</c> as the collector reads it: split at the first <c>/</c>, both parts trimmed
/// (open-telemetry/opentelemetry-collector component/identifiable.go). <see cref="Name"/> is null without a slash.
/// </summary>
public sealed partial record ComponentId(string Type, string? Name)
{
    /// <summary>Whether the type is one the collector accepts: <c>^[a-zA-Z][0-9a-zA-Z_]{0,62}$</c>.</summary>
    public bool HasValidType => TypePattern().IsMatch(Type);

    /// <summary>Whether the name (if any) is non-empty without space, control or symbol characters.</summary>
    public bool HasValidName => Name is null || NamePattern().IsMatch(Name);

    [GeneratedRegex("^[a-zA-Z][0-9a-zA-Z_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"^[^\p{Z}\p{C}\p{S}]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    public static ComponentId Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new(text.Trim(), null) : new(text[..slash].Trim(), text[(slash + 1)..].Trim());
    }

    public override string ToString() => Name is null ? Type : Type + "/" + Name;
}

/// <summary>A component defined in a top-level section, e.g. <c>exporters: {otlp/tempo: …}</c>.</summary>
public sealed record ComponentDefinition(ComponentKind Kind, ComponentId Id, YamlScalar Key, YamlNode Value, string Path)
{
    public YamlMapping? Body => Value as YamlMapping;

    /// <summary>For messages: <c>exporter "otlp/tempo"</c>.</summary>
    public string Describe => $"{CollectorConfigView.KindName(Kind)} \"{Key.Text}\"";
}

/// <summary>A pipeline under <c>service.pipelines</c>.</summary>
public sealed record PipelineView(ComponentId Id, YamlScalar Key, YamlMapping? Body, string Path);

/// <summary>
/// A use of a component id: in a pipeline's receivers, processors or exporters list (<see cref="Role"/> is that list's
/// kind, <see cref="Pipeline"/> the pipeline) or in <c>service.extensions</c> (Role Extension, no pipeline).
/// </summary>
public sealed record ComponentReference(ComponentKind Role, ComponentId Id, YamlScalar Node, string Path, PipelineView? Pipeline);

/// <summary>
/// A socket a running component opens: where (<see cref="Host"/>, <see cref="Port"/>; null when unknown, e.g. an env
/// reference or a version-dependent default) and the config node that decides it (the endpoint, or the component key
/// when the endpoint is left to its default).
/// </summary>
public sealed record Listener(string Owner, string Endpoint, string? Host, long? Port, bool Implicit, YamlNode Node, string Path,
    ComponentDefinition? Component = null, string? Protocol = null)
{
    public bool IsLoopback => Host is "localhost" or "::1" || Host?.StartsWith("127.", StringComparison.Ordinal) == true;

    /// <summary>What an OTLP receiver's listener speaks: its protocol is grpc or http.</summary>
    public OtlpTransport Transport => Protocol == "grpc" ? OtlpTransport.Grpc : OtlpTransport.Http;
}

/// <summary>An OTLP exporter of a pipeline and the endpoint it sends to (<c>traces_endpoint</c> wins for OTLP/HTTP).</summary>
public sealed record OtlpExporter(ComponentDefinition Definition, bool Grpc, Endpoint Endpoint, YamlScalar EndpointNode, string EndpointPath);

/// <summary>
/// A collector's parsed config seen the way the collector's start-up validation sees it (otelcol/config.go,
/// service/pipelines/config.go): component definitions per section, pipelines, and the ids the service section uses.
/// Config paths use the tool's one notation (<see cref="FieldPath"/>): <c>exporters[otlp/tempo].tls.insecure</c>,
/// <c>service.pipelines.traces.exporters[1]</c>.
/// </summary>
public sealed class CollectorConfigView
{
    private static readonly ComponentKind[] Sections =
        [ComponentKind.Receiver, ComponentKind.Processor, ComponentKind.Exporter, ComponentKind.Extension, ComponentKind.Connector];

    private readonly CollectorInstance? _collector;

    private CollectorConfigView(CollectorInstance? collector, YamlMapping root)
    {
        _collector = collector;
        Root = root;
        Definitions = [.. Sections.SelectMany(ReadSection)];
        var pipelines = root.GetMapping("service")?.GetMapping("pipelines");
        Pipelines = [.. (pipelines ?? []).Select(e => new PipelineView(ComponentId.Parse(e.Key.Text), e.Key, e.Value as YamlMapping, FieldPath.Child("service.pipelines", e.Key.Text)))];
        References = [.. Pipelines.SelectMany(ReadPipeline), .. ReadList(root.GetMapping("service"), "extensions", "service", ComponentKind.Extension, null)];
    }

    public CollectorInstance Collector => _collector ?? throw new InvalidOperationException("a config read only for its ports belongs to no collector");

    public YamlMapping Root { get; }

    public IReadOnlyList<ComponentDefinition> Definitions { get; }

    public IReadOnlyList<PipelineView> Pipelines { get; }

    public IReadOnlyList<ComponentReference> References { get; }

    /// <summary>For messages: <c>ConfigMap "otel-collector-config"</c>, <c>OpenTelemetryCollector "tracing"</c>.</summary>
    public string Source => Collector.Source;

    /// <summary>The view of one collector's config; null when its config was not found or did not parse.</summary>
    public static CollectorConfigView? Of(CollectorInstance collector) => collector.Config is { } config ? new CollectorConfigView(collector, config) : null;

    /// <summary>
    /// The container ports the OpenTelemetry Operator derives from a config (operator-objects-facts.md §1b, §1d): one per
    /// listener of a receiver or extension the service starts, named as the operator names it, and <c>metrics</c> for the
    /// collector's own telemetry. Its base Service carries the receivers' ports.
    /// </summary>
    public static IReadOnlyList<PortView> OperatorPorts(YamlMapping config, string path)
    {
        var view = new CollectorConfigView(null, config);
        var ports = new List<PortView>();
        foreach (var listener in view.Listeners().Where(l => l.Port is not null))
        {
            var name = listener.Component is { } component
                ? OpenTelemetryOperatorFacts.PortName(component.Key.Text, listener.Protocol, listener.Port!.Value)
                : "metrics";
            var node = listener.Component?.Body ?? config;
            if (ports.All(p => p.Number != listener.Port))
            {
                ports.Add(new PortView(name, listener.Port!.Value, node, path + "." + listener.Path));
            }
        }

        return ports;
    }

    public static string KindName(ComponentKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Whether a definition of <paramref name="kind"/> can fill a list of <paramref name="role"/> (connectors join pipelines).</summary>
    public static bool Fills(ComponentKind kind, ComponentKind role) =>
        kind == role || (kind == ComponentKind.Connector && role is ComponentKind.Receiver or ComponentKind.Exporter);

    public Finding Report(RuleInfo rule, YamlNode? node, string configPath, string message) =>
        LintContext.Report(rule, Collector, node, configPath, message);

    /// <summary>Whether the service starts the component: listed in a pipeline, or (extensions) in service.extensions.</summary>
    public bool IsUsed(ComponentDefinition definition) =>
        References.Any(r => r.Id == definition.Id && Fills(definition.Kind, r.Role));

    public ComponentDefinition? Find(ComponentKind kind, ComponentId id) =>
        Definitions.FirstOrDefault(d => d.Kind == kind && d.Id == id);

    /// <summary>A probe or Service target port (a number, or a port name of the collector container) as a number.</summary>
    public long? ResolvePort(string target) =>
        long.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : Collector.Container.Ports.FirstOrDefault(p => p.Name == target)?.Number;

    /// <summary>The sockets of the components the service starts, plus the collector's own metrics endpoint.</summary>
    public IEnumerable<Listener> Listeners()
    {
        foreach (var definition in Definitions.Where(IsUsed))
        {
            foreach (var (_, _, protocol, port) in CollectorCatalog.Listeners.Where(l => l.Kind == definition.Kind && l.Type == definition.Id.Type))
            {
                if (protocol is null)
                {
                    yield return Listen(definition.Describe, definition.Body, definition.Key, definition.Path, port) with { Component = definition };
                }
                else if (definition.Body?.GetMapping("protocols")?.Find(protocol) is { } entry)
                {
                    yield return Listen($"{definition.Describe} (protocols.{protocol})", entry.Value as YamlMapping, entry.Key, FieldPath.Child(FieldPath.Child(definition.Path, "protocols"), protocol), port)
                        with { Component = definition, Protocol = protocol };
                }
            }
        }

        if (TelemetryListener() is { } telemetry)
        {
            yield return telemetry;
        }
    }

    /// <summary>The protocols of the OTLP receivers the pipelines use (what an SDK's OTLP exporter can reach).</summary>
    public IEnumerable<Listener> OtlpListeners() =>
        Listeners().Where(l => l.Component is { Kind: ComponentKind.Receiver, Id.Type: "otlp" } && l.Protocol is not null);

    /// <summary>The signals (pipeline types: traces, metrics, logs) whose pipelines take this receiver.</summary>
    public IReadOnlySet<string> SignalsOf(ComponentId receiver) =>
        References.Where(r => r.Role == ComponentKind.Receiver && r.Id == receiver && r.Pipeline is not null)
            .Select(r => r.Pipeline!.Id.Type).ToHashSet(StringComparer.Ordinal);

    /// <summary>The pipelines' ids, for messages: <c>traces, metrics/internal</c> (or <c>none</c>).</summary>
    public string PipelineList => Pipelines.Count == 0 ? "none" : string.Join(", ", Pipelines.Select(p => p.Key.Text));

    /// <summary>The active OTLP exporters (gRPC: otlp, otlp_grpc; HTTP: otlphttp, otlp_http) with a literal endpoint.</summary>
    public IEnumerable<OtlpExporter> OtlpExporters()
    {
        foreach (var definition in Definitions.Where(d => d.Kind == ComponentKind.Exporter && IsUsed(d)))
        {
            bool grpc = definition.Id.Type is "otlp" or "otlp_grpc";
            if (!grpc && definition.Id.Type is not ("otlphttp" or "otlp_http"))
            {
                continue;
            }

            var key = !grpc && definition.Body?.GetScalar("traces_endpoint") is { IsNull: false } ? "traces_endpoint" : "endpoint";
            if (definition.Body?.GetScalar(key) is { IsNull: false } node && !node.Text.Contains("${", StringComparison.Ordinal)
                && Endpoint.Parse(node.Text) is { } endpoint)
            {
                yield return new OtlpExporter(definition, grpc, endpoint, node, FieldPath.Child(definition.Path, key));
            }
        }
    }

    private IEnumerable<ComponentDefinition> ReadSection(ComponentKind kind)
    {
        var section = CollectorCatalog.SectionOf(kind);
        return (Root.GetMapping(section) ?? []).Select(e => new ComponentDefinition(kind, ComponentId.Parse(e.Key.Text), e.Key, e.Value, FieldPath.Child(section, e.Key.Text)));
    }

    private static IEnumerable<ComponentReference> ReadPipeline(PipelineView pipeline) =>
        new[] { ComponentKind.Receiver, ComponentKind.Processor, ComponentKind.Exporter }
            .SelectMany(role => ReadList(pipeline.Body, CollectorCatalog.SectionOf(role), pipeline.Path, role, pipeline));

    private static IEnumerable<ComponentReference> ReadList(YamlMapping? parent, string key, string parentPath, ComponentKind role, PipelineView? pipeline)
    {
        var items = parent?.GetSequence(key);
        for (var i = 0; items is not null && i < items.Count; i++)
        {
            if (items[i] is YamlScalar { IsNull: false } item)
            {
                yield return new ComponentReference(role, ComponentId.Parse(item.Text), item, FieldPath.Index(FieldPath.Child(parentPath, key), i), pipeline);
            }
        }
    }

    private Listener Listen(string owner, YamlMapping? body, YamlScalar key, string path, int defaultPort)
    {
        // The operator's webhook writes 0.0.0.0 into an omitted endpoint and in front of a host-less one.
        var operated = _collector?.Operated == true;
        if (body?.GetScalar("endpoint") is { IsNull: false } endpoint)
        {
            var (host, port) = SplitHostPort(endpoint.Text);
            if (operated && host.Length == 0)
            {
                host = OpenTelemetryOperatorFacts.DefaultHost;
            }

            return new Listener(owner, endpoint.Text, host, port, Implicit: false, endpoint, path + ".endpoint");
        }

        var version = _collector?.Version;
        var defaultHost = operated ? OpenTelemetryOperatorFacts.DefaultHost
            : version is null ? null : version >= CollectorCatalog.LocalhostDefaultSince ? "localhost" : CollectorCatalog.AnyAddress;
        return new Listener(owner, $"{defaultHost ?? "<default host>"}:{defaultPort}", defaultHost, defaultPort, Implicit: true, key, path);
    }

    /// <summary>
    /// <c>service.telemetry.metrics</c>: a pull reader's <c>host</c>/<c>port</c>, the legacy <c>address</c>, or the default port
    /// (its host is left unknown: the default moved to localhost in 0.111.0, a fact this linter does not judge).
    /// </summary>
    private Listener? TelemetryListener()
    {
        const string path = "service.telemetry.metrics";
        var metrics = Root.GetMapping("service")?.GetMapping("telemetry")?.GetMapping("metrics");
        if (metrics?.GetString("level") == "none")
        {
            return null;
        }

        var readers = metrics?.GetSequence("readers") ?? [];
        for (var i = 0; i < readers.Count; i++)
        {
            var prometheus = (readers[i] as YamlMapping)?.GetMapping("pull")?.GetMapping("exporter")?.GetMapping("prometheus");
            if (prometheus?.GetScalar("port") is { } port)
            {
                var host = prometheus.GetString("host");
                return new Listener(path, $"{host}:{port.Text}", host, port.AsInteger(), Implicit: false, port, $"{path}.readers[{i.ToString(CultureInfo.InvariantCulture)}].pull.exporter.prometheus.port");
            }
        }

        if (metrics?.GetScalar("address") is { IsNull: false } address)
        {
            var (host, port) = SplitHostPort(address.Text);
            return new Listener(path, address.Text, host, port, Implicit: false, address, path + ".address");
        }

        return new Listener(path, $"<default host>:{CollectorCatalog.TelemetryMetricsPort}", null, CollectorCatalog.TelemetryMetricsPort, Implicit: true, (YamlNode?)metrics ?? Root, path);
    }

    /// <summary><c>host:port</c>, <c>:port</c>, <c>[::1]:port</c> or <c>${env:MY_POD_IP}:port</c>; the port is null unless literal.</summary>
    private static (string Host, long? Port) SplitHostPort(string text)
    {
        var colon = text.LastIndexOf(':');
        var host = (colon < 0 ? text : text[..colon]).Trim('[', ']');
        long? port = colon >= 0 && long.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
        return (host, port);
    }
}
