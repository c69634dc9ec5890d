using Generator.Blueprints;
using Generator.Facts;

namespace Generator.Model;

/// <summary>
/// Grafana Tempo as a TempoMonolithic or a TempoStack (tempo.kind): what the operator will name its objects, whether
/// Tempo is multi-tenant and its gateway in front, where the collector must send traces, and the custom resource itself.
/// </summary>
public static class Tempo
{
    public static readonly Str Name = V.Str("tempo.name");

    /// <summary>TempoStack rather than TempoMonolithic.</summary>
    public static readonly Flag Stack = V.Str("tempo.kind").Is(TempoFacts.StackKind);

    public static readonly Str Kind = Stack.Then(TempoFacts.StackKind, TempoFacts.Kind);

    private static readonly Flag MultitenancyEnabled = V.Flag("tempo.multitenancy.enabled");

    public static readonly ListValue Tenants = V.List("tempo.multitenancy.tenants");

    /// <summary>The operator's name for its objects: <c>tempo-&lt;name&gt;</c>, lower-cased, other characters as '-'.</summary>
    public static readonly Str ObjectName = (TempoFacts.ServicePrefix + Name.Lower().Replace(TempoFacts.SanitizedCharacters, "-"))
        .Named("tempo.objectName", "The Tempo Operator's name for Tempo's objects: tempo-<name>, lower-cased, other characters as '-'.");

    /// <summary>Tempo runs multi-tenant (each span names its tenant in X-Scope-OrgID): multitenancy on, with tenants.</summary>
    public static readonly Flag MultiTenant = (MultitenancyEnabled & Tenants.HasItems)
        .Named("tempo.multiTenant", "Whether Tempo runs multi-tenant: multitenancy on, with at least one tenant.");

    /// <summary>
    /// The operator's gateway in front of Tempo: a TempoMonolithic always has it when multi-tenant, a TempoStack unless
    /// tempo.stack.gateway is off (tenants without gateway, mode static).
    /// </summary>
    public static readonly Flag Gateway = (MultiTenant & (!Stack | V.Flag("tempo.stack.gateway")))
        .Named("tempo.gateway", "Whether the operator puts its gateway in front of Tempo: multi-tenant, and for a TempoStack tempo.stack.gateway on.");

    /// <summary>
    /// The Service that receives traces: the gateway's when there is one, else a TempoStack's distributor or a
    /// TempoMonolithic's own (operator-objects-facts.md §2b, otel-tempo-facts.md §1.2).
    /// </summary>
    public static readonly Str IngestService = Gateway.Then(ObjectName + TempoFacts.GatewaySuffix, Stack.Then(ObjectName + "-" + TempoFacts.DistributorComponent, ObjectName));

    /// <summary>Its OTLP/gRPC port: 4317, except a TempoStack gateway's public gRPC port 8090.</summary>
    public static readonly Int IngestGrpcPort = (Stack & Gateway).Then(TempoFacts.GatewayGrpcPort, TempoFacts.OtlpGrpcPort);

    /// <summary>Where the collector's OTLP/gRPC exporter sends traces.</summary>
    public static readonly Str ExporterEndpoint = (Common.ClusterHost(IngestService, Common.TempoNamespace) + ":" + IngestGrpcPort.Text)
        .Named("tempo.otlpGrpcEndpoint", "Where the collector sends traces: Tempo's OTLP/gRPC port, through the gateway when there is one (a TempoStack's distributor without).");

    /// <summary>Whether any tenant sets its own retention or limits (the TempoStack's per-tenant maps exist only then).</summary>
    private static readonly Flag TenantRetention = Tenants.Any(t => t.Str("retention").Present)
        .Named("tempo.tenantRetention", "Whether any tenant sets its own retention.");

    /// <summary>The ingestion limits of a limits record of the options, as the Tempo Operator names them (before TenantLimits, whose initializer reads them).</summary>
    private static readonly string[] LimitFields = ["ingestionRateLimitBytes", "ingestionBurstSizeBytes", "maxTracesPerUser", "maxBytesPerTrace"];

    private static readonly Flag TenantLimits = Tenants.Any(t => LimitsSet(t))
        .Named("tempo.tenantLimits", "Whether any tenant sets its own ingestion limits.");

    /// <summary>The tenant the collector writes to: collector.tenant, else the first tenant.</summary>
    public static readonly Str Tenant = V.Str("collector.tenant").Or(Tenants.FirstString("name"))
        .Named("collector.tenant", "The tenant the collector writes to: collector.tenant, else the first tenant.");

    public static IEnumerable<Resource> Resources()
    {
        yield return new Resource("tempo-monolithic.yaml", "tempo-monolithic.yaml", Monolithic(), !Stack);
        yield return new Resource("tempo-stack.yaml", "tempo-stack.yaml", TempoStack(), Stack);
    }

    private static Map Monolithic()
    {
        var storage = V.Str("tempo.storage.backend");
        var size = V.Str("tempo.storage.size");
        var storageClass = V.Str("tempo.storage.storageClassName");
        var ui = "tempo.jaegerUi.";

        var cr = Common.Object(TempoFacts.ApiVersion, TempoFacts.Kind, StackComponent.Tempo, Name, Common.TempoNamespace);
        cr.Add("spec", new Map
        {
            {
                "storage", new Map
                {
                    {
                        "traces", new Map
                        {
                            { "backend", storage },
                            { size.Present, "size", size },
                            { storage.Is("pv") & storageClass.Present, "storageClassName", storageClass },
                            { storage.IsOneOf("s3", "gcs", "azure"), storage, new Map { { "secret", V.Str("tempo.storage.secret") } } },
                        }
                    },
                }
            },
            {
                "ingestion", new Map
                {
                    {
                        "otlp", new Map
                        {
                            { "grpc", new Map { { "enabled", V.Flag("tempo.ingestion.otlpGrpc") } } },
                            { "http", new Map { { "enabled", V.Flag("tempo.ingestion.otlpHttp") } } },
                        }
                    },
                }
            },
            { "jaegerui", JaegerUi(ui) },
            {
                MultitenancyEnabled, "multitenancy", new Map
                {
                    { "enabled", true },
                    { "mode", TempoFacts.OpenShiftTenancyMode },
                    { "authentication", TenantAuthentication() },
                }
            },
            { "resources", Common.ResourcesOf("tempo.resources") },
            { "extraConfig", ExtraConfig() },
        });
        return cr;
    }

    /// <summary>
    /// The TempoStack: size preset, object storage (secret name and type), ingester volumes, retention and limits (global
    /// and per tenant), tenants (mode openshift behind the gateway, static without), the gateway, the query-frontend's
    /// Jaeger UI, and the same extraConfig as a TempoMonolithic. The Jaeger UI is exposed through the gateway when there is
    /// one (the operator refuses a query-frontend ingress beside it).
    /// </summary>
    private static Map TempoStack()
    {
        var size = V.Str("tempo.storage.size");
        var storageClass = V.Str("tempo.storage.storageClassName");
        var retention = V.Str("tempo.stack.retention");
        var ui = V.Flag("tempo.jaegerUi.enabled");
        var exposed = ui & (V.Flag("tempo.jaegerUi.route.enabled") | V.Flag("tempo.jaegerUi.ingress.enabled"));

        var cr = Common.Object(TempoFacts.ApiVersion, TempoFacts.StackKind, StackComponent.Tempo, Name, Common.TempoNamespace);
        cr.Add("spec", new Map
        {
            { "size", V.Str("tempo.stack.size") },
            { "storage", new Map { { "secret", new Map { { "name", V.Str("tempo.storage.secret") }, { "type", V.Str("tempo.storage.backend") } } } } },
            { size.Present, "storageSize", size },
            { storageClass.Present, "storageClassName", storageClass },
            {
                "retention", new Optional(new Map
                {
                    { retention.Present, "global", new Map { { "traces", retention } } },

                    // Keyed by the tenant as Tempo sees it (see TenantKey).
                    { TenantRetention, "perTenant", new Map { { Tenants, TenantKey, t => new Optional(new Map { { t.Str("retention").Present, "traces", t.Str("retention") } }) } } },
                })
            },
            {
                "limits", new Optional(new Map
                {
                    { "global", new Optional(Limits("tempo.stack.limits", V.Int)) },
                    { TenantLimits, "perTenant", new Map { { Tenants, TenantKey, t => new Optional(Limits("limits", t.Int)) } } },
                })
            },
            {
                MultiTenant, "tenants", new Map
                {
                    { "mode", Gateway.Then(TempoFacts.OpenShiftTenancyMode, TempoFacts.StaticTenancyMode) },
                    { "authentication", TenantAuthentication() },
                }
            },
            {
                "template", new Map
                {
                    { "gateway", new Map { { "enabled", Gateway }, { Gateway & exposed, "ingress", Ingress() } } },
                    { "queryFrontend", new Map { { "jaegerQuery", new Map { { "enabled", ui }, { !Gateway & exposed, "ingress", Ingress() } } } } },
                }
            },
            { "extraConfig", ExtraConfig() },
        });
        return cr;
    }

    /// <summary>
    /// The key of a tenant's per-tenant overrides: the tenant as Tempo sees it. Behind the gateway that is its tenantId
    /// (the gateway maps the tenantName in X-Scope-OrgID to the id, its storage prefix); without the gateway, the
    /// X-Scope-OrgID the collector sends, its name.
    /// </summary>
    private static Str TenantKey(Item tenant) => Gateway.Then(tenant.Str("id"), tenant.Str("name"));

    /// <summary>The tenants as both kinds list them: name and id.</summary>
    private static Seq TenantAuthentication() => new() { { Tenants, tenant => new Map { { "tenantName", tenant.Str("name") }, { "tenantId", tenant.Str("id") } } } };

    private static Flag LimitsSet(Item tenant) =>
        LimitFields.Select(field => tenant.Int("limits." + field).Positive).Aggregate((any, set) => any | set);

    /// <summary>The ingestion limits that are set (a limits record of the options, read through <paramref name="read"/>).</summary>
    private static Map Limits(string prefix, Func<string, Int> read)
    {
        var limits = new Map();
        foreach (var field in LimitFields)
        {
            var value = read(prefix + "." + field);
            limits.Add(value.Positive, field, value);
        }

        return new Map { { "ingestion", new Optional(limits) } };
    }

    /// <summary>How the Jaeger UI (or, with the gateway, the gateway) is exposed: a Route, or an Ingress.</summary>
    private static Map Ingress()
    {
        var ui = "tempo.jaegerUi.";
        var route = V.Flag(ui + "route.enabled");
        var termination = V.Str(ui + "route.termination");
        var host = V.Str(ui + "ingress.host");
        var ingressClass = V.Str(ui + "ingress.ingressClassName");
        return new Map
        {
            { "type", route.Then("route", "ingress") },
            { route & termination.Present, "route", new Map { { "termination", termination } } },
            { !route & host.Present, "host", host },
            { !route & ingressClass.Present, "ingressClassName", ingressClass },
        };
    }

    /// <summary>The CRDs have no fields for gRPC message limits; the operator merges extraConfig over its tempo.yaml.</summary>
    private static Optional ExtraConfig()
    {
        var serverMax = V.Int("tempo.grpcServerMaxMessageBytes");
        var otlpMax = V.Int("tempo.otlpGrpcMaxRecvMsgSizeMib");
        var otlp = new Map { { "otlp", new Map { { "protocols", new Map { { "grpc", new Map { { "max_recv_msg_size_mib", otlpMax } } } } } } } };
        return new Optional(new Map
        {
            {
                "tempo", new Optional(new Map
                {
                    {
                        serverMax.Positive, "server", new Map
                        {
                            { "grpc_server_max_recv_msg_size", serverMax },
                            { "grpc_server_max_send_msg_size", serverMax },
                        }
                    },
                    { otlpMax.Positive, "distributor", new Map { { "receivers", otlp } } },
                })
            },
        });
    }

    private static Map JaegerUi(string ui)
    {
        var enabled = V.Flag(ui + "enabled");
        var termination = V.Str(ui + "route.termination");
        var host = V.Str(ui + "ingress.host");
        var ingressClass = V.Str(ui + "ingress.ingressClassName");
        return new Map
        {
            { "enabled", enabled },
            { enabled & V.Flag(ui + "route.enabled"), "route", new Map { { "enabled", true }, { termination.Present, "termination", termination } } },
            {
                enabled & V.Flag(ui + "ingress.enabled"), "ingress", new Map
                {
                    { "enabled", true },
                    { host.Present, "host", host },
                    { ingressClass.Present, "ingressClassName", ingressClass },
                }
            },
        };
    }
}
