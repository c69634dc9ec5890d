using Generator.Lint.Rules;
using static Generator.Tests.Lint.Rules.WiringBundle;

namespace Generator.Tests.Lint.Rules;

public sealed class OtlpEndpointProtocolTests
{
    private readonly OtlpEndpointProtocol _rule = new();

    private const string Distribution = """
        apiVersion: llamastack.io/v1alpha1
        kind: LlamaStackDistribution
        metadata:
          name: llamastack
          namespace: llamastack
        spec:
          server:
            distribution:
              name: rh-dev
            containerSpec:
              name: llama-stack
              env:
                - name: OTEL_EXPORTER_OTLP_ENDPOINT
                  value: http://otel-collector.tracing.svc.cluster.local:4318

        """;

    [Fact]
    public void Check_LlamaStackToTheHttpReceiverWithoutProtocol_NamesBothVariables()
    {
        var finding = Assert.Single(Check(_rule, Collector(), Distribution));

        Assert.Contains("of container \"llama-stack\" reaches receiver otlp (HTTP, port 4318) of Deployment tracing/otel-collector, but neither OTEL_EXPORTER_OTLP_TRACES_PROTOCOL nor OTEL_EXPORTER_OTLP_PROTOCOL is set", finding.Message);
        Assert.Equal("spec.server.containerSpec.env[0].value", finding.Path);
    }

    [Fact]
    public void Check_TracesProtocolAlone_CountsAsSet()
    {
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318"), ("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf"));

        Assert.Empty(Check(_rule, Collector(), app));
    }

    [Fact]
    public void Check_GrpcReceiverWithoutProtocol_IsSilent()
    {
        var collector = Collector(protocols: GrpcProtocol, servicePorts: "    - name: otlp-grpc\n      port: 4317\n      targetPort: otlp-grpc\n");
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4317"));

        Assert.Empty(Check(_rule, collector, app));
    }
}
