using Generator.Blueprints;
using Generator.Facts;

namespace Generator.Model;

/// <summary>
/// The LlamaStack server: its environment (the seed's variables, the OTLP endpoint and protocol derived from the
/// collector, what its generation needs for traces and metrics, the database credentials from their Secret, the start-up
/// hook on PYTHONPATH, then the user's own), shared by both server kinds, and the server as a LlamaStackDistribution
/// with the pieces of the tracing patch the strategy adds (the OGXServer is in <see cref="OgxServer"/>).
/// </summary>
public static class LlamaStack
{
    /// <summary>The PostgreSQL Service assumed in the application namespace when postgres.host is empty.</summary>
    public const string DefaultPostgresService = "postgres";

    internal const string Options = "llamaStack.";

    public static readonly Str Name = V.Str(Options + "name");

    private static readonly ListValue ExtraEnv = V.List(Options + "extraEnv");

    /// <summary>Whether the user sets PYTHONPATH in extraEnv (the fix's directory is then appended to theirs).</summary>
    private static readonly Flag UserPythonPath = ExtraEnv.Any(e => e.Str("name").Is(LlamaStackFacts.PythonPathEnv))
        .Named("llamaStack.userPythonPath", "Whether llamaStack.extraEnv sets PYTHONPATH (the tracing fix's directory is then appended to it).");

    /// <summary>Whether the user sets TELEMETRY_SINKS in extraEnv (otel_trace is then appended to theirs where the generation needs it).</summary>
    private static readonly Flag UserTelemetrySinks = ExtraEnv.Any(e => e.Str("name").Is(LlamaStackGenerations.TelemetrySinksEnv))
        .Named("llamaStack.userTelemetrySinks", "Whether llamaStack.extraEnv sets TELEMETRY_SINKS (otel_trace is then appended to it on LlamaStack 0.2.15 and later 0.2.x).");

    /// <summary>Whether the user's TELEMETRY_SINKS in extraEnv already names otel_trace.</summary>
    public static readonly Flag UserOtelTraceSink = ExtraEnv.Any(e => e.Str("name").Is(LlamaStackGenerations.TelemetrySinksEnv) & e.Has("value") & e.Str("value").Matches(LlamaStackGenerations.OtelTraceSinkPattern))
        .Named("llamaStack.userOtelTraceSink", "Whether llamaStack.extraEnv sets TELEMETRY_SINKS with otel_trace.");

    public static readonly Str PostgresHost = V.Str(Options + "postgres.host").Or(Common.ClusterHost(DefaultPostgresService, Common.ApplicationNamespace));

    internal static readonly Str DistributionName = V.Str(Options + "distribution.name");

    internal static readonly Str DistributionImage = V.Str(Options + "distribution.image");

    internal static readonly Str StorageMountPath = V.Str(Options + "storage.mountPath");

    internal static readonly Str ServiceAccount = V.Str(Options + "serviceAccountName");

    internal static readonly Flag AutoscalingEnabled = V.Flag(Options + "autoscaling.enabled");

    /// <summary>TELEMETRY_SINKS as the generator sets it: the 0.2.x default sinks and otel_trace.</summary>
    private const string SinksWithOtelTrace = LlamaStackGenerations.DefaultSinks + "," + LlamaStackGenerations.OtelTraceSink;

    public static Resource Resource()
    {
        var cr = Common.Object(LlamaStackFacts.ApiVersion, LlamaStackFacts.Kind, StackComponent.LlamaStack, Name, Common.ApplicationNamespace);
        cr.Add("spec", new Map
        {
            { "replicas", V.Int(Options + "replicas") },
            {
                "server", new Map
                {
                    { "distribution", DistributionSpec() },
                    {
                        "containerSpec", new Map
                        {
                            { "name", V.Str(Options + "containerName") },
                            { "port", V.Int(Options + "port") },
                            { "resources", Common.ResourcesOf(Options + "resources") },
                            { "env", Env() },
                            { TracingPatch.InitContainer, "volumeMounts", TracingPatch.ContainerVolumeMounts() },
                        }
                    },
                    { "storage", Storage() },
                    { AutoscalingEnabled, "autoscaling", Autoscaling() },
                    {
                        "podOverrides", new Optional(new Map
                        {
                            { ServiceAccount.Present, "serviceAccountName", ServiceAccount },
                            { TracingPatch.Enabled, "volumes", TracingPatch.PodVolumes() },
                            { TracingPatch.Sitecustomize | TracingPatch.SubPath, "volumeMounts", TracingPatch.PodVolumeMounts() },

                            // Runs the server image, so it copies the package of exactly the LlamaStack version the server runs.
                            { TracingPatch.InitContainer, "initContainers", new Seq { TracingPatch.InitContainerSpec(DistributionImage) } },
                        })
                    },
                }
            },
        });
        return new Resource("llamastack-distribution.yaml", "llamastack-distribution.yaml", cr, Generation.Distribution);
    }

    /// <summary>The distribution to run: its name, or the image when no name is given (exactly one is set).</summary>
    internal static Map DistributionSpec() => new()
    {
        { DistributionName.Present, "name", DistributionName },
        { DistributionName.IsEmpty, "image", DistributionImage },
    };

    /// <summary>The server's persistent volume: its size, and where it is mounted unless the operator's default is kept.</summary>
    internal static Map Storage() => new()
    {
        { "size", V.Str(Options + "storage.size") },
        { StorageMountPath.Present, "mountPath", StorageMountPath },
    };

    /// <summary>The autoscaling fields both server kinds share.</summary>
    internal static Map Autoscaling()
    {
        var autoscaling = Options + "autoscaling.";
        return new Map
        {
            { "minReplicas", V.Int(autoscaling + "minReplicas") },
            { "maxReplicas", V.Int(autoscaling + "maxReplicas") },
            { "targetCPUUtilizationPercentage", V.Int(autoscaling + "targetCpuUtilizationPercentage") },
            { "targetMemoryUtilizationPercentage", V.Int(autoscaling + "targetMemoryUtilizationPercentage") },
        };
    }

    /// <summary>
    /// The server container's environment, in the seed deployment's order, then the user's extra variables. The OTEL_*
    /// variables are set for every generation (0.3.x reads the endpoint, the auto-instrumented ones all three, the hook
    /// the standard ones); 0.2.15 and later 0.2.x also need otel_trace among TELEMETRY_SINKS, and llamaStack.metrics=none
    /// adds OTEL_METRICS_EXPORTER=none (which 0.2.x, exporting no metrics, need not read; 0.3.x, which ignores it, is refused).
    /// </summary>
    internal static Seq Env()
    {
        var postgres = Options + "postgres.";
        var secret = V.Str(postgres + "secretName");
        var sitecustomize = TracingPatch.Sitecustomize;
        var sinks = Generation.TelemetrySinks;
        return new Seq
        {
            Literal("VLLM_URL", V.Str(Options + "vllm.url")),
            Literal("INFERENCE_MODEL", V.Str(Options + "vllm.inferenceModel")),
            Literal("VLLM_TLS_VERIFY", Text(V.Flag(Options + "vllm.tlsVerify"))),
            Literal("FMS_ORCHESTRATOR_URL", V.Str(Options + "fmsOrchestratorUrl")),
            Literal("ENABLE_SENTENCE_TRANSFORMERS", Text(V.Flag(Options + "enableSentenceTransformers"))),
            Literal("EMBEDDING_PROVIDER", V.Str(Options + "embeddingProvider")),
            Literal(OtlpFacts.EndpointEnv, Collector.OtlpEndpoint),
            Literal(OtlpFacts.ServiceNameEnv, V.Str(Options + "serviceName")),
            Literal(OtlpFacts.ProtocolEnv, Collector.OtlpProtocol),
            { Generation.MetricsNone, Literal(LlamaStackGenerations.MetricsExporterEnv, "none") },
            { sinks & !UserTelemetrySinks, Literal(LlamaStackGenerations.TelemetrySinksEnv, SinksWithOtelTrace) },
            Literal("POSTGRES_HOST", PostgresHost),
            Literal("POSTGRES_PORT", V.Int(postgres + "port").Text),

            // Database credentials only ever come from the Secret.
            FromKey("POSTGRES_DB", "secretKeyRef", secret, V.Str(postgres + "databaseKey")),
            FromKey("POSTGRES_USER", "secretKeyRef", secret, V.Str(postgres + "userKey")),
            FromKey("POSTGRES_PASSWORD", "secretKeyRef", secret, V.Str(postgres + "passwordKey")),

            // The sitecustomize strategy puts its mount on PYTHONPATH: appended to the user's PYTHONPATH, if any.
            { sitecustomize & !UserPythonPath, Literal(LlamaStackFacts.PythonPathEnv, TracingPatch.MountPath) },
            {
                ExtraEnv, extra => new Map
                {
                    { "name", extra.Str("name") },
                    { extra.Has("value"), "value", ExtraValue(extra, sitecustomize, sinks) },
                    { !extra.Has("value") & extra.Has("secretKeyRef"), "valueFrom", new Map { { "secretKeyRef", KeyRef(extra, "secretKeyRef") } } },
                    { !extra.Has("value") & !extra.Has("secretKeyRef") & extra.Has("configMapKeyRef"), "valueFrom", new Map { { "configMapKeyRef", KeyRef(extra, "configMapKeyRef") } } },
                }
            },
        };
    }

    /// <summary>An extraEnv value as set: PYTHONPATH gains the hook's directory, TELEMETRY_SINKS otel_trace where the generation needs it.</summary>
    private static Str ExtraValue(Item extra, Flag sitecustomize, Flag sinks)
    {
        var name = extra.Str("name");
        var value = extra.Str("value");
        var withSink = (name.Is(LlamaStackGenerations.TelemetrySinksEnv) & sinks & !value.Matches(LlamaStackGenerations.OtelTraceSinkPattern))
            .Then(value + "," + LlamaStackGenerations.OtelTraceSink, value);
        return (name.Is(LlamaStackFacts.PythonPathEnv) & sitecustomize).Then(value + ":" + TracingPatch.MountPath, withSink);
    }

    private static Map Literal(string name, Str value) => new() { { "name", name }, { "value", value } };

    private static Map FromKey(string name, string source, Str objectName, Str key) =>
        new() { { "name", name }, { "valueFrom", new Map { { source, new Map { { "name", objectName }, { "key", key } } } } } };

    private static Map KeyRef(Item item, string field) => new() { { "name", item.Str(field + ".name") }, { "key", item.Str(field + ".key") } };

    private static Str Text(Flag flag) => flag.Then("true", "false");
}
