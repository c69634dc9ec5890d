using FsCheck;
using FsCheck.Fluent;
using Generator.Tests.Support;

namespace Generator.Tests.Robustness;

/// <summary>
/// Generators of option sets (as <c>--set</c> arguments) that the generator must accept: every switch is drawn from its
/// valid range and combined only in ways the options allow (e.g. multitenancy only with a collector image that has
/// bearertokenauth, object storage with a secret, distinct ports, a TempoStack only on object storage, the console's
/// tracing UI only over multi-tenant Tempo behind the gateway).
/// </summary>
public static class OptionSets
{
    private static readonly Gen<string> Label =
        Gen.Zip(Gen.Elements("a", "b", "x", "ns", "team", "llama"), Gen.Choose(0, 999))
            .Select(p => $"{p.Item1}{p.Item2}");

    private static readonly string[] ContribVersions = ["0.120.0", "0.140.0", "0.145.0", "0.159.0"];

    /// <summary>A server kind and release, with what the options then allow.</summary>
    private sealed record Server(string[] Sets, bool TracingModule, bool Hook, bool Grpc, bool MetricsNone);

    private static readonly Server[] Servers =
    [
        new([], TracingModule: true, Hook: true, Grpc: false, MetricsNone: false),
        new(["llamaStack.version=0.2.10"], TracingModule: true, Hook: true, Grpc: false, MetricsNone: true),
        new(["llamaStack.version=0.2.22"], TracingModule: true, Hook: true, Grpc: false, MetricsNone: true),
        new(["llamaStack.version=0.4.2"], TracingModule: false, Hook: true, Grpc: false, MetricsNone: true),
        new(["llamaStack.version=0.7.1"], TracingModule: false, Hook: false, Grpc: true, MetricsNone: true),
        new(["llamaStack.kind=OGXServer", "llamaStack.version=1.3.0"], TracingModule: false, Hook: false, Grpc: true, MetricsNone: true),
    ];

    public static Gen<string[]> Valid { get; } =
        from profile in Gen.Elements("jaeger", "cluster-observability", "ogx")
        from server in Gen.Elements(Servers)
        from names in Gen.ArrayOf(Label, 5)
        from strategy in Gen.Elements("auto", "sitecustomize", "subPath", "none")
        from metrics in Gen.Elements("collector", "none")
        from storage in Storage()
        from ui in Gen.Elements<string[]>(
            [],
            ["tempo.jaegerUi.route.enabled=false"],
            ["tempo.jaegerUi.route.enabled=false", "tempo.jaegerUi.ingress.enabled=true", "tempo.jaegerUi.ingress.host=jaeger.example.com"],
            ["tempo.jaegerUi.enabled=false", "tempo.jaegerUi.route.enabled=false"])
        from receivers in Gen.Elements<string[]>(
            [],
            ["collector.receivers.grpc.enabled=true"],
            ["collector.receivers.grpc.enabled=true", "collector.receivers.http.enabled=false"],
            ["collector.receivers.http.port=14318"])
        from version in Gen.Elements(ContribVersions)
        from flags in Gen.ArrayOf(Gen.Elements(true, false), 4)
        from replicas in Gen.Choose(0, 5)
        from maxReplicas in Gen.Choose(1, 8)
        from tenants in Gen.Choose(1, 3)
        from tenantPick in Gen.Choose(0, 2)
        from mode in Gen.Elements("deployment", "operator")
        from kind in Gen.Elements("TempoMonolithic", "TempoStack", "TempoStack-without-gateway")
        select Combine(profile, server, names, strategy, kind.StartsWith("TempoStack", StringComparison.Ordinal) ? ObjectStorage(storage) : storage, ui, receivers, version, flags, replicas, maxReplicas, tenants, tenantPick, metrics)
            .Concat(Deployment(mode, kind, profile, flags[0])).ToArray();

    /// <summary>The server the profile implies (ogx: an OGXServer), and the strategy, receivers and metrics it allows (the others become the defaults).</summary>
    private static Server Fit(string profile, Server drawn, ref string strategy, ref string[] receivers, ref string metrics)
    {
        var server = profile == "ogx" ? Servers[^1] : drawn;
        if ((strategy == "subPath" && !server.TracingModule) || (strategy == "sitecustomize" && !server.Hook))
        {
            strategy = "auto";
        }

        if (!server.Grpc && receivers.Contains("collector.receivers.http.enabled=false"))
        {
            receivers = ["collector.receivers.grpc.enabled=true"];
        }

        if (!server.MetricsNone)
        {
            metrics = "collector";
        }

        return server;
    }

    /// <summary>A TempoStack's storage: the object store the drawn storage names, or S3.</summary>
    private static string[] ObjectStorage(string[] storage) =>
        storage.Any(s => s.Contains("=s3", StringComparison.Ordinal) || s.Contains("=gcs", StringComparison.Ordinal))
            ? storage
            : ["tempo.storage.backend=s3", "tempo.storage.secret=tempo-s3", "tempo.storage.size=20Gi"];

    /// <summary>How the collector and Tempo run: the collector mode (with the operator's autoscaler), the Tempo kind, and the console's UI where Tempo is listed by it.</summary>
    private static IEnumerable<string> Deployment(string mode, string kind, string profile, bool autoscale)
    {
        yield return "collector.mode=" + mode;
        if (mode == "operator" && autoscale)
        {
            yield return "collector.autoscaler.enabled=true";
        }

        yield return "tempo.kind=" + kind.Split('-')[0];
        if (kind.EndsWith("without-gateway", StringComparison.Ordinal))
        {
            yield return "tempo.stack.gateway=false";
        }
        else if (profile == "cluster-observability")
        {
            yield return "tempo.uiPlugin.enabled=true";
        }
    }

    private static Gen<string[]> Storage() => Gen.Elements<string[]>(
        [],
        ["tempo.storage.backend=pv", "tempo.storage.size=5Gi", "tempo.storage.storageClassName=fast"],
        ["tempo.storage.backend=s3", "tempo.storage.secret=tempo-s3", "tempo.storage.size="],
        ["tempo.storage.backend=gcs", "tempo.storage.secret=tempo-gcs", "tempo.storage.size="],
        ["tempo.storage.backend=memory", "tempo.storage.size=2Gi"]);

    private static string[] Combine(string profile, Server drawn, string[] names, string strategy, string[] storage, string[] ui, string[] receivers,
        string version, bool[] flags, int replicas, int maxReplicas, int tenants, int tenantPick, string metrics)
    {
        var server = Fit(profile, drawn, ref strategy, ref receivers, ref metrics);
        List<string> sets =
        [
            "profile=" + profile,
            .. server.Sets,
            "llamaStack.metrics=" + metrics,
            "namespaces.application=" + names[0],
            "namespaces.tempo=" + names[1] + "-tempo",
            "tempo.name=" + names[2],
            "collector.name=c" + names[3],
            "llamaStack.name=" + names[4],
            "patch.strategy=" + strategy,
            "collector.image.repository=otel/opentelemetry-collector-contrib",
            "collector.image.tag=" + version,
            "collector.debugExporter.enabled=" + Bool(flags[0]),
            "collector.memoryLimiter.enabled=" + Bool(flags[1]),
            "llamaStack.autoscaling.enabled=" + Bool(flags[2]),
            "collector.replicas=" + replicas,
            "llamaStack.autoscaling.maxReplicas=" + maxReplicas,
        ];
        if (strategy == "subPath")
        {
            sets.Add("patch.file=" + TestPaths.Fixture("patch", "tracing.py"));
        }

        if (profile != "jaeger")
        {
            var names3 = Enumerable.Range(0, tenants).Select(i => "tenant" + i).ToList();
            sets.Add("tempo.multitenancy.tenants=[" + string.Join(", ", names3.Select((n, i) => $"{{name: {n}, id: id-{i}}}")) + "]");
            sets.Add("collector.tenant=" + names3[Math.Min(tenantPick, names3.Count - 1)]);
            sets.Add("collector.k8sAttributes.enabled=" + Bool(flags[3]));
        }

        sets.AddRange(storage);
        sets.AddRange(ui);
        sets.AddRange(receivers);
        return [.. sets];
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
