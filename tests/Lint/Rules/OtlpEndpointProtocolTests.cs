using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class OtlpEndpointProtocolTests
{
    private readonly OtlpEndpointProtocol _rule = new();

    private static readonly string Distribution = LlamaStack(container: """
        env:
          - name: OTEL_EXPORTER_OTLP_ENDPOINT
            value: http://otel-collector.tracing.svc.cluster.local:4318
        """);

    [Fact]
    public void Check_LlamaStackToTheHttpReceiverWithoutProtocol_NamesBothVariables()
    {
        var finding = Assert.Single(Check(_rule, Collector(ns: "tracing"), Distribution));

        Assert.Contains("of container \"llama-stack\" reaches receiver otlp (HTTP, port 4318) of Deployment tracing/otel-collector, but neither OTEL_EXPORTER_OTLP_TRACES_PROTOCOL nor OTEL_EXPORTER_OTLP_PROTOCOL is set", finding.Message);
        Assert.Equal("spec.server.containerSpec.env[0].value", finding.Path);
    }

    [Fact]
    public void Check_TracesProtocolAlone_CountsAsSet()
    {
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318"), ("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf"));

        Assert.Empty(Check(_rule, Collector(ns: "tracing"), app));
    }

    [Fact]
    public void Check_GrpcReceiverWithoutProtocol_IsSilent()
    {
        var collector = Collector(Config(protocols: GrpcProtocol), ns: "tracing", servicePorts: "- name: otlp-grpc\n  port: 4317\n  targetPort: otlp-grpc\n");
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4317"));

        Assert.Empty(Check(_rule, collector, app));
    }
}
