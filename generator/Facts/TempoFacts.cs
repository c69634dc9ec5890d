namespace Generator.Facts;

/// <summary>
/// What the Tempo Operator creates for a TempoMonolithic (otel-tempo-facts.md §1): object names, Services and ports.
/// The generator derives the collector's exporter endpoint from these, and lint resolves endpoints against them.
/// </summary>
public static class TempoFacts
{
    public const string ApiVersion = "tempo.grafana.com/v1alpha1";
    public const string Kind = "TempoMonolithic";

    /// <summary>Tempo's OTLP receivers listen on the OTLP default ports.</summary>
    public const int OtlpGrpcPort = OtlpFacts.DefaultGrpcPort;
    public const int OtlpHttpPort = OtlpFacts.DefaultHttpPort;
    public const int GatewayPublicPort = 8080;
    public const int JaegerUiPort = 16686;

    /// <summary>The operator's objects are named <c>tempo-&lt;name&gt;</c> (and <c>tempo-&lt;name&gt;-gateway</c>, …).</summary>
    public const string ServicePrefix = "tempo-";

    public const string GatewaySuffix = "-gateway";

    /// <summary>The operator's naming rule: lower-case, then every character this pattern matches becomes '-'.</summary>
    public const string SanitizedCharacters = "[^a-z0-9]";

    public static string Sanitize(string name) =>
        System.Text.RegularExpressions.Regex.Replace(name.ToLowerInvariant(), SanitizedCharacters, "-", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The main Service (and StatefulSet): <c>tempo-&lt;name&gt;</c>; it is not created when the gateway is on.</summary>
    public static string ServiceName(string crName) => ServicePrefix + Sanitize(crName);

    /// <summary>The gateway Service, the only Service when multitenancy has tenants.</summary>
    public static string GatewayServiceName(string crName) => ServiceName(crName) + GatewaySuffix;

    /// <summary>The operator puts a gateway in front of Tempo when multitenancy is on with at least one tenant.</summary>
    public static bool HasGateway(bool multitenancy, int tenants) => multitenancy && tenants > 0;

    /// <summary>The Service that receives traces: the gateway's when there is one, else the main Service.</summary>
    public static string IngestServiceName(string crName, bool gateway) => gateway ? GatewayServiceName(crName) : ServiceName(crName);

    public static string JaegerUiServiceName(string crName) => ServiceName(crName) + "-jaegerui";

    /// <summary>The pod of the monolithic StatefulSet (for port-forwarding the Jaeger UI).</summary>
    public static string PodName(string crName) => ServiceName(crName) + "-0";

    public static string ClusterHost(string service, string ns) => $"{service}.{ns}.svc.cluster.local";

    /// <summary>The gateway takes a tenant's OTLP/HTTP traces under this path followed by the tenant name.</summary>
    public const string GatewayTracesPathPrefix = "/api/traces/v1/";

    /// <summary>The header that names the tenant of a request to the gateway.</summary>
    public const string TenantHeader = "X-Scope-OrgID";

    /// <summary>Where an OTLP/HTTP exporter sends a tenant's traces through the gateway (the exporter appends /v1/traces).</summary>
    public static string GatewayHttpTracesBase(string crName, string ns, string tenant) =>
        $"https://{ClusterHost(GatewayServiceName(crName), ns)}:{GatewayPublicPort}{GatewayTracesPathPrefix}{tenant}";

    /// <summary>The OpenShift service CA every pod sees; the gateway's serving certificate is signed by it.</summary>
    public const string ServiceCaFile = "/var/run/secrets/kubernetes.io/serviceaccount/service-ca.crt";

    /// <summary>The pod's service-account token, which the gateway authenticates with a TokenReview.</summary>
    public const string ServiceAccountTokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    /// <summary>The multitenancy mode the generator renders (OpenShift tokens and RBAC through the gateway).</summary>
    public const string OpenShiftTenancyMode = "openshift";

    /// <summary>RBAC group through which the gateway authorizes tenants (resource = tenant name, resourceName = traces).</summary>
    public const string TenantApiGroup = "tempo.grafana.com";
}
