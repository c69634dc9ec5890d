using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class OtlpEndpointPathTests
{
    private readonly OtlpEndpointPath _rule = new();

    [Fact]
    public void Check_BaseEndpointWithTracesPathAndSlash_ShowsTheDoubledPath()
    {
        var finding = Assert.Single(Check(_rule, App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318/v1/traces/"))));

        Assert.Contains("so spans go to /v1/traces/v1/traces", finding.Message);
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4317/v1/traces", "grpc")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "https://tempo-tracing-gateway.observability.svc:8080/api/traces/v1/dev", "http/protobuf")]
    [InlineData("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://otel-collector:4318", "grpc")]
    public void Check_PathsThatWork_AreSilent(string name, string endpoint, string protocol)
    {
        Assert.Empty(Check(_rule, App("tracing", (name, endpoint), ("OTEL_EXPORTER_OTLP_PROTOCOL", protocol))));
    }

    [Fact]
    public void Check_TracesEndpointWithOtherPath_NamesThePathUsed()
    {
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://otel-collector:4318/v1/trace"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json"));

        var finding = Assert.Single(Check(_rule, app));

        Assert.Contains("spans go to \"/v1/trace\" instead of a path ending in /v1/traces", finding.Message);
    }
}
