namespace Generator.Facts;

/// <summary>
/// What the Tempo Operator (v0.22.0) creates for a TempoMonolithic (otel-tempo-facts.md §1) and a TempoStack
/// (operator-objects-facts.md §2): object names, Services and ports, the gateway, storage secrets and size presets.
/// The generator derives the collector's exporter endpoint from these, and lint resolves endpoints against them.
/// </summary>
public static class TempoFacts
{
    public const string ApiVersion = "tempo.grafana.com/v1alpha1";

    /// <summary>The single-pod kind.</summary>
    public const string Kind = "TempoMonolithic";

    /// <summary>The microservices kind: distributor, ingester, querier, query-frontend, compactor, optionally gateway, on object storage.</summary>
    public const string StackKind = "TempoStack";

    /// <summary>The TempoStack components whose pods always run (§2a), in the operator's order.</summary>
    public static readonly IReadOnlyList<string> StackComponents = ["distributor", "ingester", "querier", "query-frontend", "compactor"];

    public const string DistributorComponent = "distributor";
    public const string QueryFrontendComponent = "query-frontend";
    public const string GatewayComponent = "gateway";

    /// <summary>Runs only with <c>spec.template.metricsGenerator.enabled</c>.</summary>
    public const string MetricsGeneratorComponent = "metrics-generator";

    /// <summary>The label every TempoStack pod but the gateway's carries: the memberlist ring selects it (§2e).</summary>
    public const string GossipMemberLabel = "tempo-gossip-member";

    /// <summary>The TempoStack gateway's public gRPC (OTLP) port; with the OpenShift serving-cert gate it serves TLS (§2b, §2c).</summary>
    public const int GatewayGrpcPort = 8090;

    /// <summary>The tempo-operator release whose webhook warns that the Jaeger UI is deprecated (§2j, CHANGELOG 0.22.0 #1587).</summary>
    public const string JaegerUiDeprecatedSince = "0.22.0";

    /// <summary>The field the deprecation warning names, per kind (§2j).</summary>
    public static string JaegerUiField(string kind) => kind == StackKind ? "spec.template.queryFrontend.jaegerQuery.enabled" : "spec.jaegerui.enabled";

    /// <summary>The admission warning the webhook returns for an enabled Jaeger UI (§2j).</summary>
    public static string JaegerUiDeprecationWarning(string kind) => JaegerUiField(kind) + " is deprecated and will be removed in a future release";

    /// <summary>The object-storage types a storage secret may be for (<c>spec.storage.secret.type</c>, §2h).</summary>
    public static readonly IReadOnlyList<string> ObjectStorageTypes = ["azure", "gcs", "s3"];

    /// <summary>An S3 secret with a static key (s3_secret.go :: s3LongLivedFields).</summary>
    public static readonly IReadOnlyList<string> S3LongLivedKeys = ["bucket", "endpoint", "access_key_id", "access_key_secret"];

    /// <summary>An S3 secret for STS, which any of region and role_arn selects (s3ShortLivedFields).</summary>
    public static readonly IReadOnlyList<string> S3ShortLivedKeys = ["bucket", "region", "role_arn"];

    /// <summary>The short-lived S3 key the OpenShift Cloud Credential Operator mode does without (s3CCOShortLivedFields: bucket and region).</summary>
    public const string S3RoleKey = "role_arn";

    /// <summary>The key of a GCS secret, which must hold valid JSON.</summary>
    public const string GcsKeyFile = "key.json";

    /// <summary>
    /// The non-empty keys a storage secret must hold, by type and by what it holds (§2h; internal/handlers/storage/*_secret.go):
    /// S3 with a static key unless region or role_arn is present (then STS; mixing the two is an error of its own), Azure
    /// with an account key unless tenant_id is present (then a federated token), GCS with its key.json.
    /// </summary>
    public static IReadOnlyList<string> RequiredSecretKeys(string type, IReadOnlyCollection<string> present) => type switch
    {
        "s3" when IsShortLivedS3(present) => S3ShortLivedKeys,
        "s3" => S3LongLivedKeys,
        "azure" when present.Contains("tenant_id") => ["container", "account_name", "client_id", "tenant_id"],
        "azure" => ["container", "account_name", "account_key"],
        "gcs" => [GcsKeyFile],
        _ => [],
    };

    /// <summary>Whether an S3 secret is for STS: it holds region or role_arn.</summary>
    public static bool IsShortLivedS3(IReadOnlyCollection<string> present) => present.Contains("region") || present.Contains(S3RoleKey);

    /// <summary>The keys of a long-lived S3 secret that a short-lived one must not have (bucket is common to both).</summary>
    public static IEnumerable<string> S3LongLivedOnly => S3LongLivedKeys.Except(S3ShortLivedKeys);

    /// <summary>Tempo's OTLP receivers listen on the OTLP default ports.</summary>
    public const int OtlpGrpcPort = OtlpFacts.DefaultGrpcPort;
    public const int OtlpHttpPort = OtlpFacts.DefaultHttpPort;
    public const int GatewayPublicPort = 8080;
    public const int JaegerUiPort = 16686;

    /// <summary>The operator's objects are named <c>tempo-&lt;name&gt;</c> (and <c>tempo-&lt;name&gt;-gateway</c>, …).</summary>
    public const string ServicePrefix = "tempo-";

    public const string GatewaySuffix = "-gateway";

    /// <summary>A TempoMonolithic's Jaeger UI Service (and the Route or Ingress made for it).</summary>
    public const string JaegerUiSuffix = "-jaegerui";

    /// <summary>The monolithic StatefulSet's only pod.</summary>
    public const string FirstPodSuffix = "-0";

    /// <summary>Kubernetes' limit on a Service name (a DNS-1035 label).</summary>
    public const int MaxServiceName = 63;

    /// <summary>The longest suffix of a TempoStack Service name after <c>tempo-&lt;name&gt;</c>: the query-frontend's discovery Service.</summary>
    public const string LongestStackServiceSuffix = "-query-frontend-discovery";

    /// <summary>The longest TempoStack name whose every Service name fits <see cref="MaxServiceName"/>.</summary>
    public static readonly int MaxStackName = MaxServiceName - ServicePrefix.Length - LongestStackServiceSuffix.Length;

    /// <summary>The operator's naming rule: lower-case, then every character this pattern matches becomes '-'.</summary>
    public const string SanitizedCharacters = "[^a-z0-9]";

    public static string Sanitize(string name) =>
        System.Text.RegularExpressions.Regex.Replace(name.ToLowerInvariant(), SanitizedCharacters, "-", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The main Service (and StatefulSet): <c>tempo-&lt;name&gt;</c>; it is not created when the gateway is on.</summary>
    public static string ServiceName(string crName) => ServicePrefix + Sanitize(crName);

    /// <summary>The gateway Service: for a TempoMonolithic the only Service when multitenancy has tenants.</summary>
    public static string GatewayServiceName(string crName) => ServiceName(crName) + GatewaySuffix;

    /// <summary>A TempoStack component's Deployment or StatefulSet and Service: <c>tempo-&lt;name&gt;-&lt;component&gt;</c>.</summary>
    public static string ComponentName(string crName, string component) => ServiceName(crName) + "-" + component;

    /// <summary>The operator puts a gateway in front of Tempo when multitenancy is on with at least one tenant.</summary>
    public static bool HasGateway(bool multitenancy, int tenants) => multitenancy && tenants > 0;

    /// <summary>The Service that receives traces: the gateway's when there is one, else a TempoStack's distributor or a TempoMonolithic's main Service.</summary>
    public static string IngestServiceName(string crName, bool stack, bool gateway) =>
        gateway ? GatewayServiceName(crName) : stack ? ComponentName(crName, DistributorComponent) : ServiceName(crName);

    /// <summary>The pod of the monolithic StatefulSet (for port-forwarding the Jaeger UI).</summary>
    public static string PodName(string crName) => ServiceName(crName) + FirstPodSuffix;

    /// <summary>The gateway takes a tenant's OTLP/HTTP traces under this path followed by the tenant name.</summary>
    public const string GatewayTracesPathPrefix = "/api/traces/v1/";

    /// <summary>The header that names the tenant of a request to the gateway.</summary>
    public const string TenantHeader = "X-Scope-OrgID";

    /// <summary>Where an OTLP/HTTP exporter sends a tenant's traces through the gateway (the exporter appends /v1/traces).</summary>
    public static string GatewayHttpTracesBase(string crName, string ns, string tenant) =>
        $"https://{ClusterDns.Host(GatewayServiceName(crName), ns)}:{GatewayPublicPort}{GatewayTracesPathPrefix}{tenant}";

    /// <summary>The OpenShift service CA every pod sees; the gateway's serving certificate is signed by it.</summary>
    public const string ServiceCaFile = "/var/run/secrets/kubernetes.io/serviceaccount/service-ca.crt";

    /// <summary>The pod's service-account token, which the gateway authenticates with a TokenReview.</summary>
    public const string ServiceAccountTokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    /// <summary>The multitenancy mode the generator renders with the gateway (OpenShift tokens and RBAC through it).</summary>
    public const string OpenShiftTenancyMode = "openshift";

    /// <summary>
    /// The default mode, and the one of TempoStack tenants without the gateway: Tempo runs multi-tenant and nothing
    /// authenticates (only with the gateway does static mode need OIDC and authorization: tempostack_webhook.go ::
    /// ValidateTenantConfigs).
    /// </summary>
    public const string StaticTenancyMode = "static";

    /// <summary>RBAC group through which the gateway authorizes tenants (resource = tenant name, resourceName = traces).</summary>
    public const string TenantApiGroup = "tempo.grafana.com";
}
