using System.Text.RegularExpressions;

namespace Generator.Facts;

/// <summary>
/// What the OpenTelemetry Operator makes of an <c>OpenTelemetryCollector</c> <c>X</c> (operator-objects-facts.md §1,
/// source OTEL v0.158.0): its object names, the ports it derives from <c>spec.config</c>, and the defaults its webhook
/// writes into the config. The generator derives the collector's Service name from these; lint follows endpoints to the
/// Services the operator creates and reads the config the way the operator does.
/// </summary>
public static partial class OpenTelemetryOperatorFacts
{
    public const string ApiVersion = "opentelemetry.io/v1beta1";

    public const string Kind = "OpenTelemetryCollector";

    /// <summary>The workload, base Service, ServiceAccount and HPA are <c>X-collector</c> (naming.Collector).</summary>
    public const string CollectorSuffix = "-collector";

    /// <summary>Beside the base Service, a headless one with the same ports (§1a).</summary>
    public const string HeadlessServiceSuffix = "-collector-headless";

    /// <summary>The collector container in the pods the operator runs (naming.Container).</summary>
    public const string ContainerName = "otc-container";

    /// <summary>The mode the generator renders and the webhook's default: a Deployment (with a PodDisruptionBudget).</summary>
    public const string DeploymentMode = "deployment";

    /// <summary>The mode in which the operator runs no pods of its own: it injects the container into annotated pods.</summary>
    public const string SidecarMode = "sidecar";

    /// <summary>
    /// The webhook fills an empty endpoint of every referenced receiver, exporter and extension with
    /// <c>0.0.0.0:&lt;default port&gt;</c> and prefixes a host-less one (<c>:4317</c>) with <c>0.0.0.0</c>
    /// (§1d; internal/components/single_endpoint.go :: AddressDefaulter).
    /// </summary>
    public const string DefaultHost = CollectorCatalog.AnyAddress;

    /// <summary>Longest object name: the name helpers truncate to 63 characters (internal/naming/main.go :: Truncate).</summary>
    public const int MaxObjectName = 63;

    /// <summary>Longest CR name whose base Service <c>X-collector</c> keeps its whole name (the endpoint other pods derive from it).</summary>
    public static readonly int MaxNameForWholeServiceName = MaxObjectName - CollectorSuffix.Length;

    /// <summary>Longest port name; a longer one (or one that is not a DNS label) becomes <c>port-&lt;number&gt;</c> (internal/naming/port.go :: PortName).</summary>
    private const int MaxPortName = 15;

    public static string CollectorName(string crName) => crName + CollectorSuffix;

    /// <summary>The Services that carry the receivers' ports: the base and the headless one.</summary>
    public static IEnumerable<string> OtlpServiceNames(string crName) => [crName + CollectorSuffix, crName + HeadlessServiceSuffix];

    /// <summary>
    /// The name the operator gives the container and Service port of a component's listener: the component id with the
    /// protocol for multi-protocol receivers (<c>otlp-grpc</c>, <c>otlp-foo-http</c>), <c>/</c> and <c>_</c> as <c>-</c>;
    /// <c>port-&lt;number&gt;</c> when that is longer than 15 characters or not a DNS label (§1d).
    /// </summary>
    public static string PortName(string componentId, string? protocol, long port)
    {
        var name = (protocol is null ? componentId : componentId + "-" + protocol).Replace('/', '-').Replace('_', '-');
        return name.Length <= MaxPortName && Dns1123Label().IsMatch(name) ? name : "port-" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Label();
}
