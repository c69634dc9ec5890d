using System.Text.RegularExpressions;

namespace Generator.Facts;

/// <summary>The kinds of collector components, as the top-level sections of a collector config name them.</summary>
public enum ComponentKind
{
    Receiver,
    Processor,
    Exporter,
    Extension,
    Connector,
}

/// <summary>A component type renamed in some release; the old name stays a deprecated alias.</summary>
public sealed record ComponentRename(ComponentKind Kind, string OldType, string NewType, CollectorVersion Since);

/// <summary>A component type removed in some release; using it makes the collector fail at start-up.</summary>
public sealed record ComponentRemoval(ComponentKind Kind, string Type, CollectorVersion RemovedIn, string Replacement);

/// <summary>A socket a component opens, with its default port: one per <c>protocols.&lt;Protocol&gt;</c>, or (Protocol null) one for the component.</summary>
public sealed record ListenerDefault(ComponentKind Kind, string Type, string? Protocol, int Port);

/// <summary>
/// Facts about collector releases and distributions (shared/reference/facts/otel-tempo-facts.md §3): which component
/// types each image contains, renames and removals by version, and listener defaults. The generator picks component
/// names from it and the lint rules check configs against it, so both agree on every fact.
/// </summary>
public static class CollectorCatalog
{
    /// <summary>The first release with the debug exporter (it replaced the logging exporter).</summary>
    public static readonly CollectorVersion DebugExporterSince = CollectorVersion.Of(0, 86);

    /// <summary>Since this release receivers and extensions bind localhost unless told otherwise.</summary>
    public static readonly CollectorVersion LocalhostDefaultSince = CollectorVersion.Of(0, 104);

    /// <summary>The address a listener binds to reach every interface (the default before <see cref="LocalhostDefaultSince"/>).</summary>
    public const string AnyAddress = "0.0.0.0";

    /// <summary>The extension whose HTTP endpoint answers the pod's probes.</summary>
    public const string HealthCheckType = "health_check";

    /// <summary>The health_check extension's default port.</summary>
    public const int HealthCheckPort = 13133;

    /// <summary>The release the generator pins by default.</summary>
    public static readonly CollectorVersion Pinned = CollectorVersion.Of(0, 159);

    /// <summary>
    /// The listeners this tool knows, with their default ports (component READMEs; the default host is localhost from
    /// <see cref="LocalhostDefaultSince"/> on). A protocol listener exists when <c>protocols.&lt;protocol&gt;</c> is present.
    /// </summary>
    public static readonly IReadOnlyList<ListenerDefault> Listeners =
    [
        new(ComponentKind.Receiver, "otlp", "grpc", OtlpFacts.DefaultGrpcPort),
        new(ComponentKind.Receiver, "otlp", "http", OtlpFacts.DefaultHttpPort),
        new(ComponentKind.Receiver, "zipkin", null, 9411),
        new(ComponentKind.Receiver, "jaeger", "grpc", 14250),
        new(ComponentKind.Receiver, "jaeger", "thrift_http", 14268),
        new(ComponentKind.Extension, HealthCheckType, null, HealthCheckPort),
        new(ComponentKind.Extension, "zpages", null, 55679),
        new(ComponentKind.Extension, "pprof", null, 1777),
    ];

    /// <summary>The port of the collector's own Prometheus metrics (<c>service.telemetry.metrics</c>) when nothing else is configured.</summary>
    public const int TelemetryMetricsPort = 8888;

    public static readonly IReadOnlyList<ComponentRename> Renames =
    [
        new(ComponentKind.Exporter, "otlp", "otlp_grpc", CollectorVersion.Of(0, 144)),
        new(ComponentKind.Exporter, "otlphttp", "otlp_http", CollectorVersion.Of(0, 144)),
        new(ComponentKind.Processor, "k8sattributes", "k8s_attributes", CollectorVersion.Of(0, 146)),
        new(ComponentKind.Receiver, "filelog", "file_log", CollectorVersion.Of(0, 149)),
    ];

    public static readonly IReadOnlyList<ComponentRemoval> Removals =
    [
        new(ComponentKind.Exporter, "logging", CollectorVersion.Of(0, 111), "debug"),
        new(ComponentKind.Receiver, "opencensus", CollectorVersion.Of(0, 132), "otlp"),
        new(ComponentKind.Exporter, "opencensus", CollectorVersion.Of(0, 132), "otlp_grpc"),
    ];

    private static readonly Dictionary<ComponentKind, string[]> Core = new()
    {
        [ComponentKind.Receiver] = ["otlp", "nop", "hostmetrics", "jaeger", "kafka", "prometheus", "zipkin", "opencensus"],
        [ComponentKind.Processor] = ["batch", "memory_limiter", "attributes", "resource", "span", "probabilistic_sampler", "filter"],
        [ComponentKind.Exporter] = ["debug", "nop", "otlp", "otlp_grpc", "otlphttp", "otlp_http", "file", "kafka", "prometheus", "prometheusremotewrite", "zipkin", "logging", "opencensus"],
        [ComponentKind.Extension] = [HealthCheckType, "pprof", "zpages"],
        [ComponentKind.Connector] = ["forward"],
    };

    /// <summary>Components of the contrib and k8s distributions that the core one lacks (the ones this tool knows of).</summary>
    private static readonly Dictionary<ComponentKind, string[]> ContribExtra = new()
    {
        [ComponentKind.Receiver] = ["filelog", "file_log", "k8s_cluster", "k8sobjects", "k8s_objects", "kubeletstats", "receiver_creator"],
        [ComponentKind.Processor] = ["k8sattributes", "k8s_attributes", "transform", "resourcedetection", "tail_sampling", "groupbytrace", "cumulativetodelta", "queuebatch"],
        [ComponentKind.Exporter] = ["loadbalancing"],
        [ComponentKind.Extension] = ["bearertokenauth", "oidc", "file_storage", "basicauth", "headers_setter", "oauth2client", "k8s_observer", "healthcheckv2"],
        [ComponentKind.Connector] = ["routing", "spanmetrics", "servicegraph", "count"],
    };

    /// <summary>The Red Hat build (os-observability/redhat-opentelemetry-collector) beyond the core set.</summary>
    private static readonly Dictionary<ComponentKind, string[]> RedHatExtra = new()
    {
        [ComponentKind.Processor] = ["k8sattributes", "k8s_attributes", "transform", "resourcedetection"],
        [ComponentKind.Extension] = ["bearertokenauth", "oidc"],
    };

    /// <summary>
    /// How an image repository (lower-cased) tells its distribution, tried in order: the Red Hat build by its registry
    /// paths, the others by the image name (<c>otel/opentelemetry-collector-contrib</c> is contrib). Patterns in the syntax
    /// .NET, Go (the chart's helpers) and ECMA-262 (the options schema's <c>pattern</c>) read alike: all three derive the
    /// distribution from these.
    /// </summary>
    public static readonly IReadOnlyList<(CollectorDistribution Distribution, string Pattern)> RepositoryPatterns =
    [
        (CollectorDistribution.RedHat, "redhat|rhosdt|-rhel"),
        (CollectorDistribution.Contrib, "(opentelemetry-collector|otelcol)-contrib$"),
        (CollectorDistribution.K8s, "(opentelemetry-collector|otelcol)-k8s$"),
        (CollectorDistribution.Core, "(opentelemetry-collector|otelcol)$"),
    ];

    /// <summary>Derives the distribution from an image repository; null when no pattern matches.</summary>
    public static CollectorDistribution? DistributionOf(string repository)
    {
        var name = repository.ToLowerInvariant();
        foreach (var (distribution, pattern) in RepositoryPatterns)
        {
            if (Regex.IsMatch(name, pattern, RegexOptions.CultureInvariant))
            {
                return distribution;
            }
        }

        return null;
    }

    /// <summary>Whether the image of a distribution contains a component type (contrib and k8s: as far as this catalog knows).</summary>
    public static bool Contains(CollectorDistribution distribution, ComponentKind kind, string type) => distribution switch
    {
        CollectorDistribution.Core => Core[kind].Contains(type),
        CollectorDistribution.RedHat => Core[kind].Contains(type) || (RedHatExtra.TryGetValue(kind, out var extra) && extra.Contains(type)),
        _ => Core[kind].Contains(type) || ContribExtra[kind].Contains(type),
    };

    /// <summary>Whether the catalog's list for a distribution is complete (core is; contrib has far more than we list).</summary>
    public static bool IsCompletelyKnown(CollectorDistribution distribution) => distribution is CollectorDistribution.Core or CollectorDistribution.RedHat;

    /// <summary>Every type of a kind that some distribution contains, in catalog order.</summary>
    public static IEnumerable<string> KnownTypes(ComponentKind kind) =>
        Core[kind].Concat(ContribExtra[kind]).Concat(RedHatExtra.TryGetValue(kind, out var extra) ? extra : []).Distinct(StringComparer.Ordinal);

    /// <summary>Whether the type is known in any distribution.</summary>
    public static bool IsKnown(ComponentKind kind, string type) => KnownTypes(kind).Contains(type, StringComparer.Ordinal);

    /// <summary>The rename that gave a component type <paramref name="newType"/>, if any (releases before it know only the old name).</summary>
    public static ComponentRename? RenameTo(ComponentKind kind, string newType) =>
        Renames.FirstOrDefault(r => r.Kind == kind && r.NewType == newType);

    /// <summary>The rename that makes <paramref name="type"/> a deprecated alias on <paramref name="version"/>, if any.</summary>
    public static ComponentRename? DeprecatedAlias(ComponentKind kind, string type, CollectorVersion version) =>
        Renames.FirstOrDefault(r => r.Kind == kind && r.OldType == type && version >= r.Since);

    public static ComponentRemoval? Removal(ComponentKind kind, string type, CollectorVersion version) =>
        Removals.FirstOrDefault(r => r.Kind == kind && r.Type == type && version >= r.RemovedIn);

    /// <summary>The section of a collector config that defines components of a kind.</summary>
    public static string SectionOf(ComponentKind kind) => kind switch
    {
        ComponentKind.Receiver => "receivers",
        ComponentKind.Processor => "processors",
        ComponentKind.Exporter => "exporters",
        ComponentKind.Extension => "extensions",
        _ => "connectors",
    };
}
