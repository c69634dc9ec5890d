using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class LlamaStackTelemetrySinksTests
{
    private const string Endpoint = "http://otel-collector.tracing.svc.cluster.local:4318";

    private readonly LlamaStackTelemetrySinks _rule = new();

    private static string Distribution(string tag, params (string Name, string Value)[] env) =>
        LlamaStack(distribution: $"image: docker.io/llamastack/distribution-starter:{tag}", container: Env([("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint), .. env]), ns: "tracing");

    [Fact]
    public void Check_0_2_22_WithoutTelemetrySinks_PointsAtTheEndpointAndNamesTheDefault()
    {
        var finding = Assert.Single(Check(_rule, Distribution("0.2.22")));

        Assert.Equal("spec.server.containerSpec.env[0].value", finding.Path);
        Assert.Contains("LlamaStack 0.2.22 (image tag 0.2.22) exports spans over OTLP only with otel_trace among its sinks, but TELEMETRY_SINKS is unset (so console,sqlite)", finding.Message);
        Assert.Contains("add otel_trace to TELEMETRY_SINKS", finding.Message);
    }

    [Fact]
    public void Check_OwnSinksWithoutOtelTrace_PointsAtThem()
    {
        var finding = Assert.Single(Check(_rule, Distribution("0.2.18", ("TELEMETRY_SINKS", "console, sqlite"))));

        Assert.Equal("spec.server.containerSpec.env[1].value", finding.Path);
        Assert.Contains("TELEMETRY_SINKS is \"console, sqlite\"", finding.Message);
    }

    [Theory]
    [InlineData("otel_trace")]
    [InlineData("console, otel_trace")]
    [InlineData("otel_trace ,sqlite")]
    public void Check_OtelTraceAmongTheSinks_IsSilent(string sinks)
    {
        Assert.Empty(Check(_rule, Distribution("0.2.22", ("TELEMETRY_SINKS", sinks))));
    }

    [Fact]
    public void Check_AnotherSinkThatMerelyContainsTheName_StillFires()
    {
        Assert.Single(Check(_rule, Distribution("0.2.22", ("TELEMETRY_SINKS", "console,otel_trace_disabled"))));
    }

    [Theory]
    [InlineData("0.2.10", "which defaults to http://localhost:4318/v1/traces and reads no variable")]
    [InlineData("0.2.14", "unset, the server refuses to start")]
    public void Check_ReleasesThatReadTheEndpointOnlyFromRunYaml_SayAnOverrideIsNeeded(string tag, string problem)
    {
        var finding = Assert.Single(Check(_rule, Distribution(tag, ("TELEMETRY_SINKS", "console,otel_trace"))));

        Assert.Contains($"LlamaStack {tag} (image tag {tag}) does not read OTEL_EXPORTER_OTLP_ENDPOINT {Endpoint}", finding.Message);
        Assert.Contains(problem, finding.Message);
        Assert.Contains($"otel_trace_endpoint: {Endpoint}/v1/traces", finding.Message);
        Assert.Equal("spec.server.containerSpec.env[1].value", finding.Path);
    }

    [Fact]
    public void Check_APlainDeploymentOfTheUpstreamImage_IsAServerToo()
    {
        var finding = Assert.Single(Check(_rule, Server("tracing", "llamastack/distribution-starter:0.2.20", ("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint))));

        Assert.Contains("LlamaStack 0.2.20", finding.Message);
    }

    [Theory]
    [InlineData("image: docker.io/llamastack/distribution-starter:0.3.5")]
    [InlineData("image: docker.io/llamastack/distribution-starter:0.7.1")]
    [InlineData("name: rh-dev")]
    [InlineData("image: quay.io/example/llama-stack:0.2.22")]
    public void Check_OtherOrUnknownGenerations_AreSilent(string distribution)
    {
        var server = LlamaStack(distribution: distribution, container: Env(("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint)), ns: "tracing");

        Assert.Empty(Check(_rule, server));
    }

    [Fact]
    public void Check_WithoutAnEndpoint_OrWithSinksFromAConfigMap_IsSilent()
    {
        var noEndpoint = LlamaStack(distribution: "image: llamastack/distribution-starter:0.2.22", container: Env(("LOG_LEVEL", "info")), ns: "tracing");
        var fromConfigMap = LlamaStack(distribution: "image: llamastack/distribution-starter:0.2.22", ns: "tracing", container: $"""
            env:
              - name: OTEL_EXPORTER_OTLP_ENDPOINT
                value: {Endpoint}
              - name: TELEMETRY_SINKS
                valueFrom:
                  configMapKeyRef:
                    name: telemetry
                    key: sinks
            """);

        Assert.Empty(Check(_rule, noEndpoint));
        Assert.Empty(Check(_rule, fromConfigMap));
    }
}
