using Generator.Lint;
using Generator.Tests.Support;
using Generator.Yaml;

namespace Generator.Tests.Render;

/// <summary>
/// Every endpoint the generator derives (generator/Model) is where the operators put the Service, as lint's views read
/// the facts independently: LlamaStack's OTLP endpoint reaches an OTLP receiver of the collector (through our Service or
/// the OpenTelemetry Operator's <c>&lt;name&gt;-collector</c>), and the collector's exporter targets the ingest Service and
/// gRPC port of the TempoMonolithic or TempoStack it renders, for every collector mode and Tempo kind.
/// </summary>
public sealed class EndpointDerivationTests
{
    private static readonly string[] Stack = ["tempo.kind=TempoStack", "tempo.storage.backend=s3", "tempo.storage.secret=tempo-s3"];

    public static TheoryData<string[]> Variants => new()
    {
        Array.Empty<string>(),
        new[] { "collector.mode=operator" },
        new[] { "collector.mode=operator", "collector.receivers.http.enabled=false", "collector.receivers.grpc.enabled=true", "llamaStack.version=0.7.1" },
        new[] { "profile=cluster-observability" },
        new[] { "profile=cluster-observability", "collector.mode=operator" },
        Stack,
        Stack.Concat(["profile=cluster-observability", "collector.mode=operator"]).ToArray(),
        Stack.Concat(["tempo.multitenancy.enabled=true", "tempo.stack.gateway=false"]).ToArray(),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Endpoints_AreTheServicesTheOperatorsCreate(string[] sets)
    {
        var context = Context(Rendering.Render(sets));

        var route = Assert.Single(context.OtlpRoutes);
        Assert.Null(route.MissingService);
        Assert.Null(route.Problem);
        Assert.Equal(route.SentTransport, route.Listener);

        var tempo = Assert.Single(context.Tempos);
        var exporter = Assert.Single(Assert.Single(context.CollectorConfigs).OtlpExporters());
        Assert.Equal($"{tempo.IngestServiceName}.{tempo.Namespace}.svc.cluster.local:{tempo.GrpcPort}", exporter.EndpointNode.Text);
    }

    [Fact]
    public void OperatorMode_LlamaStackSendsToTheOperatorsService()
    {
        var context = Context(Rendering.Render(["collector.mode=operator", "collector.name=otel"]));

        Assert.Equal("http://otel-collector.llamastack.svc.cluster.local:4318", Assert.Single(context.OtlpRoutes).Env.Value!.Text);
        Assert.Contains("through Service otel-collector", context.OtlpRoutes[0].ListenerDescription, StringComparison.Ordinal);
    }

    private static LintContext Context(Generator.Render.RenderResult result)
    {
        var streams = result.Files
            .Where(f => f.RelativePath.StartsWith("manifests/", StringComparison.Ordinal))
            .Select(f => YamlReader.Parse(f.RelativePath, f.Content))
            .ToList();
        var (manifests, invalid, skipped) = LintInput.Objects(streams, strict: false);
        return new LintContext(manifests, streams, invalid, skipped);
    }
}
