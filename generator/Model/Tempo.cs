using Generator.Blueprints;
using Generator.Facts;

namespace Generator.Model;

/// <summary>
/// Grafana Tempo as a TempoMonolithic: what the operator will name its objects, whether its gateway is in front, where
/// the collector must send traces, and the custom resource itself.
/// </summary>
public static class Tempo
{
    public static readonly Str Name = V.Str("tempo.name");

    private static readonly Flag MultitenancyEnabled = V.Flag("tempo.multitenancy.enabled");

    public static readonly ListValue Tenants = V.List("tempo.multitenancy.tenants");

    /// <summary>The operator's name for its objects: <c>tempo-&lt;name&gt;</c>, lower-cased, other characters as '-'.</summary>
    public static readonly Str ObjectName = (TempoFacts.ServicePrefix + Name.Lower().Replace(TempoFacts.SanitizedCharacters, "-"))
        .Named("tempo.objectName", "The Tempo Operator's name for the TempoMonolithic's objects: tempo-<name>, lower-cased, other characters as '-'.");

    /// <summary>The operator puts a gateway in front of Tempo when multitenancy is on with at least one tenant.</summary>
    public static readonly Flag Gateway = (MultitenancyEnabled & Tenants.HasItems)
        .Named("tempo.gateway", "Whether the operator puts its gateway in front of Tempo: multitenancy on, with at least one tenant.");

    /// <summary>The Service that receives traces: the gateway's when there is one.</summary>
    public static readonly Str IngestService = Gateway.Then(ObjectName + TempoFacts.GatewaySuffix, ObjectName);

    /// <summary>Where the collector's OTLP/gRPC exporter sends traces.</summary>
    public static readonly Str ExporterEndpoint = (Common.ClusterHost(IngestService, Common.TempoNamespace) + ":" + ((Int)TempoFacts.OtlpGrpcPort).Text)
        .Named("tempo.otlpGrpcEndpoint", "Where the collector sends traces: Tempo's OTLP/gRPC port, through the gateway when there is one.");

    /// <summary>The tenant the collector writes to: collector.tenant, else the first tenant.</summary>
    public static readonly Str Tenant = V.Str("collector.tenant").Or(Tenants.FirstString("name"))
        .Named("collector.tenant", "The tenant the collector writes to: collector.tenant, else the first tenant.");

    public static Resource Resource()
    {
        var storage = V.Str("tempo.storage.backend");
        var size = V.Str("tempo.storage.size");
        var storageClass = V.Str("tempo.storage.storageClassName");
        var ui = "tempo.jaegerUi.";
        var serverMax = V.Int("tempo.grpcServerMaxMessageBytes");
        var otlpMax = V.Int("tempo.otlpGrpcMaxRecvMsgSizeMib");

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
                    { "authentication", new Seq { { Tenants, tenant => new Map { { "tenantName", tenant.Str("name") }, { "tenantId", tenant.Str("id") } } } } },
                }
            },
            { "resources", Common.ResourcesOf("tempo.resources") },
            {
                // The CRD has no fields for gRPC message limits; the operator merges extraConfig over its tempo.yaml.
                "extraConfig", new Optional(new Map
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
                            {
                                otlpMax.Positive, "distributor", new Map
                                {
                                    {
                                        "receivers", new Map
                                        {
                                            { "otlp", new Map { { "protocols", new Map { { "grpc", new Map { { "max_recv_msg_size_mib", otlpMax } } } } } } },
                                        }
                                    },
                                }
                            },
                        })
                    },
                })
            },
        });
        return new Resource("tempo-monolithic.yaml", "tempo-monolithic.yaml", cr);
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
