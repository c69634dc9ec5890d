using Generator.Model;
using Generator.Resources;
using Generator.Tests.Support;
using Generator.Yaml;

namespace Generator.Tests.Render;

/// <summary>
/// Snapshots of the wiring a reviewer must be able to read: the collector pipeline (the config as the collector parses
/// it, from the ConfigMap or the OpenTelemetryCollector), the exporter's wiring to each kind of Tempo, the LlamaStack env
/// vars, the tracing-patch wiring of each strategy, for both profiles, and what each LlamaStack generation and server
/// kind gets (env, start-up hook, pipelines).
/// </summary>
public sealed class WiringSnapshotTests
{
    public static TheoryData<string, string[]> Profiles => new()
    {
        { "jaeger", [] },
        { "cluster-observability", ["profile=cluster-observability"] },
    };

    public static TheoryData<string, string[]> CollectorVariants => new()
    {
        { "jaeger", [] },
        { "cluster-observability", ["profile=cluster-observability"] },
        { "jaeger-grpc-memorylimiter-nodebug", ["collector.receivers.grpc.enabled=true", "collector.memoryLimiter.enabled=true", "collector.debugExporter.enabled=false"] },
        { "jaeger-collector-0.120", ["collector.image.tag=0.120.0"] },
        { "cluster-observability-collector-0.140", ["profile=cluster-observability", "collector.image.tag=0.140.0"] },
    };

    /// <summary>One option set per LlamaStack generation and server kind.</summary>
    public static TheoryData<string, string[]> Generations => new()
    {
        { "0.2.10", ["llamaStack.version=0.2.10"] },
        { "0.2.14", ["llamaStack.version=0.2.14"] },
        { "0.2.22-user-sinks", ["llamaStack.version=0.2.22", "llamaStack.extraEnv[0].name=TELEMETRY_SINKS", "llamaStack.extraEnv[0].value=console"] },
        { "0.3.5", [] },
        { "0.4.2", ["llamaStack.version=0.4.2"] },
        { "0.7.1", ["llamaStack.version=0.7.1"] },
        { "0.7.1-metrics-none", ["llamaStack.version=0.7.1", "llamaStack.metrics=none"] },
        { "ogx", ["profile=ogx"] },
        { "ogx-port-8080", ["llamaStack.kind=OGXServer", "llamaStack.version=1.3.0", "llamaStack.port=8080", "llamaStack.serviceAccountName=assistant"] },
    };

    [Theory]
    [MemberData(nameof(CollectorVariants))]
    public void CollectorPipeline(string name, string[] sets)
    {
        var result = Rendering.Render(sets);
        var configMap = Rendering.Single(result, "ConfigMap", result.Resolve(Collector.ConfigMapName));
        var text = configMap.Root.GetMapping("data")!.GetString(Collector.ConfigKey)!;

        var parsed = YamlReader.Parse("config.yaml", text);

        Assert.Empty(parsed.Problems);
        Snapshot.Match($"collector-pipeline.{name}", YamlWriter.Write(parsed.Documents.Single().Root!));
    }

    public static TheoryData<string, string[]> OperatorVariants => new()
    {
        { "jaeger", ["collector.mode=operator"] },
        { "cluster-observability", ["profile=cluster-observability", "collector.mode=operator"] },
        { "tempostack-gateway", ["profile=cluster-observability", "collector.mode=operator", .. Stack] },
    };

    private static readonly string[] Stack = ["tempo.kind=TempoStack", "tempo.storage.backend=s3", "tempo.storage.secret=tempo-s3"];

    /// <summary>The OpenTelemetryCollector's spec.config: the pipeline of the ConfigMap, as an object.</summary>
    [Theory]
    [MemberData(nameof(OperatorVariants))]
    public void OperatorCollectorConfig(string name, string[] sets)
    {
        var result = Rendering.Render(sets);
        var collector = Rendering.Single(result, "OpenTelemetryCollector");

        Snapshot.Match($"operator-collector-config.{name}", YamlWriter.Write(collector.Spec!["config"]!));
    }

    /// <summary>One collector config description: the operator's spec.config is, byte for byte, the text the Deployment's ConfigMap holds for the same options.</summary>
    public static TheoryData<string[]> OperatorSets => [.. OperatorVariants.Select(row => (string[])row[1])];

    [Theory]
    [MemberData(nameof(OperatorSets))]
    public void OperatorCollectorConfig_IsTheConfigMapsConfig(string[] sets)
    {
        var operated = Rendering.Single(Rendering.Render(sets), "OpenTelemetryCollector").Spec!["config"]!;
        var deployment = Rendering.Render([.. sets.Where(s => s != "collector.mode=operator")]);
        var configMap = Rendering.Single(deployment, "ConfigMap", deployment.Resolve(Collector.ConfigMapName));

        Assert.Equal(configMap.Root.GetMapping("data")!.GetString(Collector.ConfigKey), YamlWriter.Write(operated));
    }

    public static TheoryData<string, string[]> TempoVariants => new()
    {
        { "monolithic", [] },
        { "monolithic-gateway", ["profile=cluster-observability"] },
        { "stack", [.. Stack] },
        { "stack-gateway", ["profile=cluster-observability", .. Stack] },
        { "stack-tenants-no-gateway", [.. Stack, "tempo.multitenancy.enabled=true", "tempo.stack.gateway=false", "collector.mode=operator"] },
    };

    /// <summary>Where spans go for each kind of Tempo: LlamaStack's endpoint, the collector's exporter and its extensions, the tenant RBAC, and what the Tempo CR opens.</summary>
    [Theory]
    [MemberData(nameof(TempoVariants))]
    public void TempoExporterWiring(string name, string[] sets)
    {
        var result = Rendering.Render(sets);
        var manifests = Rendering.Manifests(result);
        var config = manifests.SingleOrDefault(m => m.Kind == "OpenTelemetryCollector")?.Spec!.GetMapping("config")
            ?? (YamlMapping)YamlReader.Parse("config.yaml", Rendering.Single(result, "ConfigMap", result.Resolve(Collector.ConfigMapName)).Root.GetMapping("data")!.GetString(Collector.ConfigKey)!).Documents.Single().Root!;
        var exporters = config.GetMapping("exporters")!;
        var tempo = manifests.Single(m => m.Kind is "TempoMonolithic" or "TempoStack");
        var env = Rendering.Single(result, "LlamaStackDistribution").Spec!.GetMapping("server")!.GetMapping("containerSpec")!.GetSequence("env")!.OfType<YamlMapping>();
        var role = manifests.SingleOrDefault(m => m.Kind == "ClusterRole");

        var view = new YamlMapping
        {
            ["llamaStack.OTEL_EXPORTER_OTLP_ENDPOINT"] = env.Single(e => e.GetString("name") == "OTEL_EXPORTER_OTLP_ENDPOINT").GetString("value")!,
            ["collector.exporter"] = new YamlMapping { [exporters.Entries[0].Key.Text] = exporters.Entries[0].Value },
            ["collector.extensions"] = config.GetMapping("service")!["extensions"]!,
            ["collector.clusterRole.rules"] = role?.Root["rules"] ?? new YamlSequence(),
            ["tempo.kind"] = tempo.Kind,
            ["tempo.tenants"] = tempo.Spec!["tenants"] ?? tempo.Spec.GetMapping("multitenancy") ?? (YamlNode)YamlScalar.Null(),
            ["tempo.gateway"] = tempo.Spec.GetMapping("template")?.GetMapping("gateway") ?? (YamlNode)YamlScalar.Null(),
        };

        Snapshot.Match($"tempo-exporter.{name}", YamlWriter.Write(view));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void LlamaStackEnv(string profile, string[] sets)
    {
        var result = Rendering.Render(sets);
        var env = Rendering.Single(result, "LlamaStackDistribution").Spec!.GetMapping("server")!.GetMapping("containerSpec")!["env"]!;

        Snapshot.Match($"llamastack-env.{profile}", YamlWriter.Write(env));
    }

    [Theory]
    [InlineData("sitecustomize", "jaeger")]
    [InlineData("sitecustomize", "cluster-observability")]
    [InlineData("subPath", "jaeger")]
    [InlineData("subPath", "cluster-observability")]
    [InlineData("none", "jaeger")]
    [InlineData("none", "cluster-observability")]
    public void PatchWiring(string strategy, string profile)
    {
        var sets = new List<string> { $"profile={profile}", $"patch.strategy={strategy}" };
        if (strategy == "subPath")
        {
            sets.Add("patch.file=" + TestPaths.Fixture("patch", "tracing.py"));
        }

        var result = Rendering.Render([.. sets]);

        Snapshot.Match($"patch-wiring.{strategy}.{profile}", PatchWiringView(result));
    }

    /// <summary>
    /// What each generation and kind gets: the server object's kind and the fields the tool writes besides the env (the
    /// generation's env vars are the reason for this snapshot), the hook's wiring, and the collector's pipelines.
    /// </summary>
    [Theory]
    [MemberData(nameof(Generations))]
    public void ServerWiring(string name, string[] sets)
    {
        var result = Rendering.Render(sets);
        var server = Rendering.Manifests(result).Single(m => m.Kind is "LlamaStackDistribution" or "OGXServer");
        var ogx = server.Kind == "OGXServer";
        var pod = ogx ? server.Spec!.GetMapping("workload")!.GetMapping("overrides")! : server.Spec!.GetMapping("server")!.GetMapping("podOverrides");
        var env = ogx ? pod!["env"]! : server.Spec!.GetMapping("server")!.GetMapping("containerSpec")!["env"]!;
        var configMap = Rendering.Single(result, "ConfigMap", result.Resolve(Collector.ConfigMapName));
        var config = YamlReader.Parse("config.yaml", configMap.Root.GetMapping("data")!.GetString(Collector.ConfigKey)!).Documents.Single().Root as YamlMapping;
        var pipelines = config!.GetMapping("service")!.GetMapping("pipelines")!;
        var view = new YamlMapping
        {
            ["kind"] = server.Kind,
            ["generation"] = result.Resolve(Generation.Id),
            ["patch.strategy"] = result.Resolve(TracingPatch.Strategy),
            ["spec"] = new YamlSequence(server.Spec!.Entries.Select(e => (YamlNode)e.Key.Text)),
            ["network"] = server.Spec!["network"] ?? YamlScalar.Null(),
            ["env"] = env,
            ["pod"] = Without(pod, "env"),
            ["patchConfigMap"] = Rendering.Manifests(result).Any(m => m.Kind == "ConfigMap" && m.Name == result.Options.Patch.ConfigMapName),
            ["collector.pipelines"] = new YamlSequence(pipelines.Entries.Select(e => (YamlNode)$"{e.Key.Text}: {string.Join(", ", ((YamlMapping)e.Value).GetSequence("exporters")!.Items.Select(i => ((YamlScalar)i).Text))}")),
        };

        Snapshot.Match($"server-wiring.{name}", YamlWriter.Write(view));
    }

    /// <summary>A copy of a mapping without one key (an empty one for none).</summary>
    private static YamlMapping Without(YamlMapping? mapping, string key)
    {
        var copy = new YamlMapping();
        foreach (var entry in (mapping ?? []).Where(e => e.Key.Text != key))
        {
            copy.Set(entry.Key, entry.Value);
        }

        return copy;
    }

    /// <summary>Names what a patch ConfigMap key holds, so the snapshot does not change with every edit of the fix itself.</summary>
    private static string ContentSource(string content)
    {
        if (content == EmbeddedFiles.ReadText(Generator.Model.TracingPatch.SitecustomizeResource))
        {
            return "the tracing fix (templates/tracing-fix/sitecustomize.py)";
        }

        return content == File.ReadAllText(TestPaths.Fixture("patch", "tracing.py")) ? "patch.file (tests/Fixtures/patch/tracing.py)" : "unexpected content";
    }

    /// <summary>The parts of the output that wire the patch: the ConfigMap's identity and keys, and the LLSD's pod wiring.</summary>
    internal static string PatchWiringView(Generator.Render.RenderResult result)
    {
        var view = new YamlMapping();
        var patchConfigMap = Rendering.Manifests(result).SingleOrDefault(m => m.Kind == "ConfigMap" && m.Name == result.Options.Patch.ConfigMapName);
        if (patchConfigMap is not null)
        {
            var data = patchConfigMap.Root.GetMapping("data")!;
            view["configMap"] = new YamlMapping
            {
                ["name"] = patchConfigMap.Name,
                ["namespace"] = patchConfigMap.Namespace!,
                ["keys"] = new YamlSequence(data.Entries.Select(e => (YamlNode)$"{e.Key.Text}: {ContentSource(((YamlScalar)e.Value).Text)}")),
            };
        }

        var server = Rendering.Single(result, "LlamaStackDistribution").Spec!.GetMapping("server")!;
        var containerSpec = server.GetMapping("containerSpec")!;
        var pythonPath = containerSpec.GetSequence("env")!.OfType<YamlMapping>().FirstOrDefault(e => e.GetString("name") == "PYTHONPATH");
        view["PYTHONPATH"] = pythonPath?.GetString("value") is { } value ? value : YamlScalar.Null();
        view["containerSpec.volumeMounts"] = containerSpec["volumeMounts"] ?? new YamlSequence();
        view["podOverrides"] = server["podOverrides"] ?? new YamlMapping();
        return YamlWriter.Write(view);
    }
}
