using Generator.Blueprints;
using Generator.Facts;

namespace Generator.Model;

/// <summary>
/// The OpenTelemetry Collector: its release (from the image), the component names that release uses,
/// the endpoint LlamaStack sends to, its config (OTLP in, batch, Tempo out) and its objects. It runs as a Deployment of
/// ours (collector.mode deployment: ConfigMap, Deployment, Service) or as an OpenTelemetryCollector the OpenTelemetry
/// Operator runs (collector.mode operator: the same config under spec.config; the operator's Service is
/// <c>&lt;name&gt;-collector</c>). Either way the RBAC it needs is ours: the operator creates it only when it may.
/// </summary>
public static class Collector
{
    /// <summary>The ConfigMap key holding the collector config.</summary>
    public const string ConfigKey = "config.yaml";

    /// <summary>Where the config ConfigMap is mounted in the collector container.</summary>
    public const string ConfigDirectory = "/conf";

    public const string ConfigVolume = "config";

    /// <summary>The name part of the exporter id towards Tempo (<c>otlp_grpc/tempo</c>).</summary>
    public const string TempoExporterName = "tempo";

    public const string HttpPortName = "otlp-http";

    public const string GrpcPortName = "otlp-grpc";

    public const string HealthPortName = "health";

    /// <summary>What the k8sattributes processor adds to every span.</summary>
    public static readonly IReadOnlyList<string> K8sMetadata = ["k8s.namespace.name", "k8s.pod.name", "k8s.deployment.name", "k8s.node.name"];

    public static readonly Str Name = V.Str("collector.name");

    /// <summary>The OpenTelemetry Operator runs the collector from an OpenTelemetryCollector.</summary>
    public static readonly Flag OperatorMode = V.Str("collector.mode").Is("operator");

    private static readonly Flag Autoscaler = V.Flag("collector.autoscaler.enabled");

    private static readonly Flag HttpEnabled = V.Flag("collector.receivers.http.enabled");
    private static readonly Flag GrpcEnabled = V.Flag("collector.receivers.grpc.enabled");
    private static readonly Int HttpPort = V.Int("collector.receivers.http.port");
    private static readonly Int GrpcPort = V.Int("collector.receivers.grpc.port");
    private static readonly Int HealthPort = V.Int("collector.healthCheck.port");
    private static readonly Str HealthPath = V.Str("collector.healthCheck.path");
    private static readonly Str Image = V.Str("collector.image.repository") + ":" + V.Str("collector.image.tag");
    private static readonly Str ImagePullPolicy = V.Str("collector.image.pullPolicy");
    private static readonly Flag K8sAttributesEnabled = V.Flag("collector.k8sAttributes.enabled");
    private static readonly Flag MemoryLimiterEnabled = V.Flag("collector.memoryLimiter.enabled");
    private static readonly Flag DebugEnabled = V.Flag("collector.debugExporter.enabled");

    /// <summary>The collector release (x.y.z): collector.version, else read from the image tag.</summary>
    public static readonly Str Version = V.Str("collector.version").Or(V.Str("collector.image.tag"))
        .Find(CollectorVersion.TagPattern).TrimPrefix("v").TrimSuffix("-").TrimSuffix("+")
        .Named("collector.version", "The collector release (x.y.z): collector.version, else the image tag without a leading v or a -/+ build suffix.");

    /// <summary>The exporter type towards Tempo on the collector release in use (<c>otlp</c> before 0.144).</summary>
    public static readonly Str TempoExporterId = (TypeName(ComponentKind.Exporter, "otlp_grpc") + "/" + TempoExporterName)
        .Named("collector.tempoExporterId", "The id of the exporter towards Tempo: its type as the collector release in use names it, /tempo.");

    private static readonly Str K8sAttributesType = TypeName(ComponentKind.Processor, "k8s_attributes")
        .Named("collector.k8sAttributesType", "The k8sattributes processor's type as the collector release in use names it.");

    /// <summary>The collector's Service: ours is named like the collector; the operator names its <c>&lt;name&gt;-collector</c>.</summary>
    public static readonly Str ServiceName = OperatorMode.Then(Name + OpenTelemetryOperatorFacts.CollectorSuffix, Name)
        .Named("collector.serviceName", "The collector's Service: <name>, or in operator mode the OpenTelemetry Operator's <name>-collector.");

    /// <summary>
    /// Where LlamaStack sends spans: the HTTP receiver when it is open, else gRPC. The operator gives its Service a port
    /// per receiver with the receiver's number, so the port is the receiver's in both modes.
    /// </summary>
    public static readonly Str OtlpEndpoint = ("http://" + Common.ClusterHost(ServiceName, Common.ApplicationNamespace) + ":" + HttpEnabled.Then(HttpPort, GrpcPort).Text)
        .Named("collector.otlpEndpoint", "The collector's OTLP endpoint for LlamaStack: the HTTP receiver when open, else gRPC, on the collector's Service.");

    public static readonly Str OtlpProtocol = HttpEnabled.Then(OtlpFacts.HttpProtobuf, OtlpFacts.Grpc);

    /// <summary>The id of the debug exporter of the metrics pipeline (its own, at verbosity basic).</summary>
    public const string MetricsExporterId = "debug/metrics";

    /// <summary>
    /// A metrics pipeline (the OTLP receiver, batch, the debug exporter at verbosity basic) for the OTLP metrics the server
    /// exports to the same endpoint (0.3.x always, the auto-instrumented ones unless told not to): without one the
    /// receiver answers every metrics export with an error. Kept for every generation, so that a stack whose server's
    /// generation lint cannot tell from the manifests (a distribution name) is still seen to take them.
    /// </summary>
    public static readonly Flag MetricsPipeline = (!Generation.MetricsNone)
        .Named("collector.metricsPipeline", "Whether the collector has a metrics pipeline for the server's OTLP metrics: llamaStack.metrics is collector.");

    /// <summary>A ServiceAccount and RBAC for the gateway (tenant write access) and for k8sattributes (reading pods).</summary>
    public static readonly Flag NeedsRbac = (Tempo.Gateway | K8sAttributesEnabled)
        .Named("collector.needsRbac", "The collector needs a ServiceAccount and RBAC: for the Tempo gateway (tenant write access) and for k8sattributes.");

    public static readonly Str ConfigMapName = (Name + "-config").Named("collector.configMapName", "The collector's ConfigMap: <name>-config.");

    /// <summary>Cluster-scoped, so the namespace makes it unique per installation.</summary>
    private static readonly Str ClusterRoleName = Name + "-" + Common.ApplicationNamespace;

    /// <summary>The collector config: OTLP receivers on 0.0.0.0, optional memory_limiter and k8sattributes, batch, Tempo, debug; a metrics pipeline when the server exports metrics.</summary>
    public static readonly Fragment Config = Fragment.Document(
        "collector.config",
        "The collector config, byte for byte as the generator writes it (the checksum/config annotation is its sha256).",
        ConfigBody());

    /// <summary>The sha256 of the config text: the Deployment's checksum/config annotation (the collector does not reload its config).</summary>
    public static readonly Str ConfigChecksum = new(new Sha256(new TextOf(Config)));

    public static readonly Str ConfigArgument = "--config=" + ConfigDirectory + "/" + ConfigKey;

    public static IEnumerable<Resource> Resources()
    {
        const string file = "otel-collector.yaml";
        yield return new Resource("collector-serviceaccount.yaml", file, Common.Object("v1", "ServiceAccount", StackComponent.Collector, Name, Common.ApplicationNamespace), NeedsRbac);
        yield return new Resource("collector-clusterrole.yaml", file, ClusterRole(), NeedsRbac);
        yield return new Resource("collector-clusterrolebinding.yaml", file, ClusterRoleBinding(), NeedsRbac);
        var configMap = Common.Object("v1", "ConfigMap", StackComponent.Collector, ConfigMapName, Common.ApplicationNamespace);
        configMap.Add("data", new Map { { ConfigKey, new Text(new Str(new TextOf(Config))) } });
        yield return new Resource("collector-configmap.yaml", file, configMap, !OperatorMode);
        yield return new Resource("collector-deployment.yaml", file, Deployment(), !OperatorMode);
        yield return new Resource("collector-service.yaml", file, Service(), !OperatorMode);
        yield return new Resource("collector-opentelemetrycollector.yaml", file, OperatorCollector(), OperatorMode);
    }

    /// <summary>A component type as the collector release in use names it (the new name once it exists, else the old one).</summary>
    private static Str TypeName(ComponentKind kind, string newType) =>
        CollectorCatalog.RenameTo(kind, newType) is { } rename
            ? new Flag(new VersionBelow(Version.Expr, rename.Since.ToString())).Then(rename.OldType, newType)
            : newType;

    private static Map ConfigBody()
    {
        var gateway = Tempo.Gateway;
        var protocols = new Map
        {
            { GrpcEnabled, "grpc", new Map { { "endpoint", Listen(GrpcPort) } } },
            { HttpEnabled, "http", new Map { { "endpoint", Listen(HttpPort) } } },
        };
        var memoryLimiter = "collector.memoryLimiter.";
        return new Map
        {
            { "receivers", new Map { { "otlp", new Map { { "protocols", protocols } } } } },
            {
                "processors", new Map
                {
                    {
                        MemoryLimiterEnabled, "memory_limiter", new Map
                        {
                            { "check_interval", V.Str(memoryLimiter + "checkInterval") },
                            { "limit_percentage", V.Int(memoryLimiter + "limitPercentage") },
                            { "spike_limit_percentage", V.Int(memoryLimiter + "spikeLimitPercentage") },
                        }
                    },
                    { K8sAttributesEnabled, K8sAttributesType, new Map { { "extract", new Map { { "metadata", Seq.Of([.. K8sMetadata]) } } } } },
                    { "batch", new Map { { "timeout", V.Str("collector.batch.timeout") }, { "send_batch_size", V.Int("collector.batch.sendBatchSize") } } },
                }
            },
            {
                "exporters", new Map
                {
                    {
                        TempoExporterId, new Map
                        {
                            { "endpoint", Tempo.ExporterEndpoint },
                            { !gateway, "tls", new Map { { "insecure", true } } },
                            { gateway, "tls", new Map { { "ca_file", TempoFacts.ServiceCaFile } } },
                            { gateway, "auth", new Map { { "authenticator", "bearertokenauth" } } },
                            { Tempo.MultiTenant, "headers", new Map { { TempoFacts.TenantHeader, Tempo.Tenant } } },
                        }
                    },
                    { DebugEnabled, "debug", new Map { { "verbosity", V.Str("collector.debugExporter.verbosity") } } },

                    // One log line per batch of metrics: the exports succeed and can be seen arriving; nothing is stored.
                    { MetricsPipeline, MetricsExporterId, new Map { { "verbosity", "basic" } } },
                }
            },
            {
                "extensions", new Map
                {
                    { CollectorCatalog.HealthCheckType, new Map { { "endpoint", Listen(HealthPort) }, { "path", HealthPath } } },
                    { gateway, "bearertokenauth", new Map { { "filename", TempoFacts.ServiceAccountTokenFile } } },
                }
            },
            {
                "service", new Map
                {
                    { "extensions", new Seq { CollectorCatalog.HealthCheckType, { gateway, "bearertokenauth" } } },
                    {
                        "pipelines", new Map
                        {
                            {
                                "traces", new Map
                                {
                                    { "receivers", Seq.Of("otlp") },
                                    { "processors", new Seq { { MemoryLimiterEnabled, "memory_limiter" }, { K8sAttributesEnabled, K8sAttributesType }, "batch" } },
                                    { "exporters", new Seq { TempoExporterId, { DebugEnabled, "debug" } } },
                                }
                            },
                            {
                                MetricsPipeline, "metrics", new Map
                                {
                                    { "receivers", Seq.Of("otlp") },
                                    { "processors", new Seq { { MemoryLimiterEnabled, "memory_limiter" }, "batch" } },
                                    { "exporters", Seq.Of(MetricsExporterId) },
                                }
                            },
                        }
                    },
                }
            },
        };
    }

    // Receivers and health_check bind localhost by default since v0.104, which a Service cannot reach.
    private static Str Listen(Int port) => CollectorCatalog.AnyAddress + ":" + port.Text;

    private static Map ClusterRole()
    {
        var role = Common.Object("rbac.authorization.k8s.io/v1", "ClusterRole", StackComponent.Collector, ClusterRoleName, null);
        string[] read = ["get", "list", "watch"];
        role.Add("rules", new Seq
        {
            // k8sattributes looks up the pod that sent each span, and its namespace and deployment.
            { K8sAttributesEnabled, Rule(Seq.Of(string.Empty), Seq.Of("pods", "namespaces"), null, read) },
            { K8sAttributesEnabled, Rule(Seq.Of("apps"), Seq.Of("replicasets", "deployments"), null, read) },

            // The gateway lets a service account write the traces of the tenants it may "create" traces for: only the one
            // tenant the collector exports to (least privilege).
            { Tempo.Gateway, Rule(Seq.Of(TempoFacts.TenantApiGroup), Seq.Of([Tempo.Tenant]), Seq.Of("traces"), ["create"]) },
        });
        return role;
    }

    private static Map Rule(Seq groups, Seq resources, Seq? names, string[] verbs)
    {
        var rule = new Map { { "apiGroups", groups }, { "resources", resources } };
        if (names is not null)
        {
            rule.Add("resourceNames", names);
        }

        rule.Add("verbs", Seq.Of(verbs));
        return rule;
    }

    private static Map ClusterRoleBinding()
    {
        var binding = Common.Object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", StackComponent.Collector, ClusterRoleName, null);
        binding.Add("roleRef", new Map { { "apiGroup", "rbac.authorization.k8s.io" }, { "kind", "ClusterRole" }, { "name", ClusterRoleName } });
        binding.Add("subjects", new Seq { new Map { { "kind", "ServiceAccount" }, { "name", Name }, { "namespace", Common.ApplicationNamespace } } });
        return binding;
    }

    private static Map Deployment()
    {
        var deployment = Common.Object("apps/v1", "Deployment", StackComponent.Collector, Name, Common.ApplicationNamespace);
        var container = new Map
        {
            { "name", Name },
            { "image", Image },
            { "imagePullPolicy", ImagePullPolicy },
            { "args", Seq.Of([ConfigArgument]) },
            {
                "ports", new Seq
                {
                    { HttpEnabled, ContainerPort(HttpPortName, HttpPort) },
                    { GrpcEnabled, ContainerPort(GrpcPortName, GrpcPort) },
                    ContainerPort(HealthPortName, HealthPort),
                }
            },
            { "livenessProbe", HealthProbe() },
            { "readinessProbe", HealthProbe() },
            { "resources", Common.ResourcesOf("collector.resources") },
            { "securityContext", Common.RestrictedContainer() },
            { "volumeMounts", new Seq { Common.Mount(ConfigVolume, ConfigDirectory) } },
        };

        deployment.Add("spec", new Map
        {
            { "replicas", V.Int("collector.replicas") },
            { "selector", new Map { { "matchLabels", Common.SelectorLabels(StackComponent.Collector) } } },
            {
                "template", new Map
                {
                    {
                        "metadata", new Map
                        {
                            { "labels", Common.Labels(StackComponent.Collector) },

                            // Rolls the pods when the config changes (the collector does not reload it).
                            { "annotations", new Map { { "checksum/config", ConfigChecksum } } },
                        }
                    },
                    {
                        "spec", new Map
                        {
                            { NeedsRbac, "serviceAccountName", Name },
                            { "securityContext", Common.RestrictedPod() },
                            { "containers", new Seq { container } },
                            { "volumes", new Seq { new Map { { "name", ConfigVolume }, { "configMap", new Map { { "name", ConfigMapName } } } } } },
                        }
                    },
                }
            },
        });
        return deployment;
    }

    /// <summary>
    /// The OpenTelemetryCollector: mode deployment, the image and resources of ours, replicas or the autoscaler, our
    /// ServiceAccount when RBAC is needed (else the operator creates <c>&lt;name&gt;-collector</c>), the restricted security
    /// settings, and the collector config as an object. The operator derives the container and Service ports and the
    /// probes from the config and rolls the pods when it changes.
    /// </summary>
    private static Map OperatorCollector()
    {
        var cr = Common.Object(OpenTelemetryOperatorFacts.ApiVersion, OpenTelemetryOperatorFacts.Kind, StackComponent.Collector, Name, Common.ApplicationNamespace);
        var autoscaler = "collector.autoscaler.";
        var memory = V.Int(autoscaler + "targetMemoryUtilization");
        cr.Add("spec", new Map
        {
            { "mode", OpenTelemetryOperatorFacts.DeploymentMode },
            { "image", Image },
            { "imagePullPolicy", ImagePullPolicy },
            { !Autoscaler, "replicas", V.Int("collector.replicas") },
            {
                Autoscaler, "autoscaler", new Map
                {
                    { "minReplicas", V.Int(autoscaler + "minReplicas") },
                    { "maxReplicas", V.Int(autoscaler + "maxReplicas") },
                    { "targetCPUUtilization", V.Int(autoscaler + "targetCpuUtilization") },
                    { memory.Positive, "targetMemoryUtilization", memory },
                }
            },
            { NeedsRbac, "serviceAccount", Name },
            { "resources", Common.ResourcesOf("collector.resources") },
            { "securityContext", Common.RestrictedContainer() },
            { "podSecurityContext", Common.RestrictedPod() },
            { "config", Config },
        });
        return cr;
    }

    private static Map Service()
    {
        var service = Common.Object("v1", "Service", StackComponent.Collector, Name, Common.ApplicationNamespace);
        service.Add("spec", new Map
        {
            { "type", "ClusterIP" },
            { "selector", Common.SelectorLabels(StackComponent.Collector) },
            {
                "ports", new Seq
                {
                    { HttpEnabled, ServicePort(HttpPortName, HttpPort) },
                    { GrpcEnabled, ServicePort(GrpcPortName, GrpcPort) },
                }
            },
        });
        return service;
    }

    private static Map ContainerPort(string name, Int port) => new() { { "name", name }, { "containerPort", port }, { "protocol", "TCP" } };

    private static Map ServicePort(string name, Int port) => new() { { "name", name }, { "port", port }, { "targetPort", name }, { "protocol", "TCP" } };

    private static Map HealthProbe() => new() { { "httpGet", new Map { { "path", HealthPath }, { "port", HealthPortName } } } };
}
