using Generator.Blueprints;
using Generator.Facts;

namespace Generator.Model;

/// <summary>
/// The LlamaStack server as a LlamaStackDistribution: its environment (the seed's variables, the OTLP endpoint and
/// protocol derived from the collector, the database credentials from their Secret, the tracing fix on PYTHONPATH, then
/// the user's own), and the pieces of the tracing patch the strategy adds.
/// </summary>
public static class LlamaStack
{
    /// <summary>The PostgreSQL Service assumed in the application namespace when postgres.host is empty.</summary>
    public const string DefaultPostgresService = "postgres";

    private const string Options = "llamaStack.";

    public static readonly Str Name = V.Str(Options + "name");

    private static readonly ListValue ExtraEnv = V.List(Options + "extraEnv");

    /// <summary>Whether the user sets PYTHONPATH in extraEnv (the fix's directory is then appended to theirs).</summary>
    private static readonly Flag UserPythonPath = ExtraEnv.Any(e => e.Str("name").Is(LlamaStackFacts.PythonPathEnv))
        .Named("llamaStack.userPythonPath", "Whether llamaStack.extraEnv sets PYTHONPATH (the tracing fix's directory is then appended to it).");

    public static readonly Str PostgresHost = V.Str(Options + "postgres.host").Or(Common.ClusterHost(DefaultPostgresService, Common.ApplicationNamespace));

    public static Resource Resource()
    {
        var distribution = Options + "distribution.";
        var distributionName = V.Str(distribution + "name");
        var distributionImage = V.Str(distribution + "image");
        var autoscaling = Options + "autoscaling.";
        var serviceAccount = V.Str(Options + "serviceAccountName");

        var cr = Common.Object(LlamaStackFacts.ApiVersion, LlamaStackFacts.Kind, StackComponent.LlamaStack, Name, Common.ApplicationNamespace);
        cr.Add("spec", new Map
        {
            { "replicas", V.Int(Options + "replicas") },
            {
                "server", new Map
                {
                    {
                        "distribution", new Map
                        {
                            { distributionName.Present, "name", distributionName },
                            { distributionName.IsEmpty, "image", distributionImage },
                        }
                    },
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
                    { "storage", new Map { { "size", V.Str(Options + "storage.size") }, { "mountPath", V.Str(Options + "storage.mountPath") } } },
                    {
                        V.Flag(autoscaling + "enabled"), "autoscaling", new Map
                        {
                            { "minReplicas", V.Int(autoscaling + "minReplicas") },
                            { "maxReplicas", V.Int(autoscaling + "maxReplicas") },
                            { "targetCPUUtilizationPercentage", V.Int(autoscaling + "targetCpuUtilizationPercentage") },
                            { "targetMemoryUtilizationPercentage", V.Int(autoscaling + "targetMemoryUtilizationPercentage") },
                        }
                    },
                    {
                        "podOverrides", new Optional(new Map
                        {
                            { serviceAccount.Present, "serviceAccountName", serviceAccount },
                            { TracingPatch.Enabled, "volumes", TracingPatch.PodVolumes() },
                            { TracingPatch.Sitecustomize | TracingPatch.SubPath, "volumeMounts", TracingPatch.PodVolumeMounts() },

                            // Runs the server image, so it copies the package of exactly the LlamaStack version the server runs.
                            { TracingPatch.InitContainer, "initContainers", new Seq { TracingPatch.InitContainerSpec(distributionImage) } },
                        })
                    },
                }
            },
        });
        return new Resource("llamastack-distribution.yaml", "llamastack-distribution.yaml", cr);
    }

    /// <summary>The server container's environment, in the seed deployment's order, then the user's extra variables.</summary>
    private static Seq Env()
    {
        var postgres = Options + "postgres.";
        var secret = V.Str(postgres + "secretName");
        var sitecustomize = TracingPatch.Sitecustomize;
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
                    {
                        extra.Has("value"), "value",
                        (extra.Str("name").Is(LlamaStackFacts.PythonPathEnv) & sitecustomize).Then(extra.Str("value") + ":" + TracingPatch.MountPath, extra.Str("value"))
                    },
                    { !extra.Has("value") & extra.Has("secretKeyRef"), "valueFrom", new Map { { "secretKeyRef", KeyRef(extra, "secretKeyRef") } } },
                    { !extra.Has("value") & !extra.Has("secretKeyRef") & extra.Has("configMapKeyRef"), "valueFrom", new Map { { "configMapKeyRef", KeyRef(extra, "configMapKeyRef") } } },
                }
            },
        };
    }

    private static Map Literal(string name, Str value) => new() { { "name", name }, { "value", value } };

    private static Map FromKey(string name, string source, Str objectName, Str key) =>
        new() { { "name", name }, { "valueFrom", new Map { { source, new Map { { "name", objectName }, { "key", key } } } } } };

    private static Map KeyRef(Item item, string field) => new() { { "name", item.Str(field + ".name") }, { "key", item.Str(field + ".key") } };

    private static Str Text(Flag flag) => flag.Then("true", "false");
}
