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
    public void Check_UnknownGeneration_SaysWhatEachGenerationSends()
    {
        var finding = Assert.Single(Check(_rule, Collector(ns: "tracing"), Distribution));

        Assert.Contains("what the LlamaStack server (distribution name rh-dev, which the operator resolves) then sends cannot be told: LlamaStack 0.2.x to 0.6 export OTLP/HTTP whatever is set", finding.Message);
        Assert.Contains("(0.7 and later, the upstream images from 0.4, OGX) exports OTLP/gRPC, which the HTTP receiver rejects", finding.Message);
    }

    [Theory]
    [InlineData("0.2.22")]
    [InlineData("0.3.5")]
    public void Check_AGenerationThatHardWiresHttp_IsSilent(string tag)
    {
        var server = Server("tracing", "docker.io/llamastack/distribution-starter:" + tag, ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318"));

        Assert.Empty(Check(_rule, Collector(ns: "tracing"), server));
    }

    [Theory]
    [InlineData("docker.io/llamastack/distribution-starter:0.7.1", "LlamaStack 0.7.1 (image tag 0.7.1)")]
    [InlineData("docker.io/llamastack/distribution-starter:0.4.2", "LlamaStack 0.4.2 (image tag 0.4.2)")]
    public void Check_AnAutoInstrumentedGeneration_SaysItDefaultsToGrpc(string image, string server)
    {
        var app = Server("tracing", image, ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318"));

        var finding = Assert.Single(Check(_rule, Collector(ns: "tracing"), app));

        Assert.Contains($"{server} runs under opentelemetry-instrument, whose OTLP exporter then uses gRPC, which the HTTP receiver rejects", finding.Message);
    }

    [Fact]
    public void Check_AnOgxImage_SaysItsDocumentationAndItsDistroDisagree()
    {
        var app = Server("tracing", "docker.io/ogxai/distribution-starter:1.3.0", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318"));

        var finding = Assert.Single(Check(_rule, Collector(ns: "tracing"), app));

        Assert.Contains("OGX (image docker.io/ogxai/distribution-starter:1.3.0) runs under opentelemetry-instrument, and which protocol it then sends cannot be told", finding.Message);
    }

    [Fact]
    public void Check_AnotherApplication_NamesThePythonDefaults()
    {
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318"));

        var finding = Assert.Single(Check(_rule, Collector(ns: "tracing"), app));

        Assert.Contains("the OpenTelemetry Python SDK and opentelemetry-instrument then export OTLP/gRPC (other SDKs may default to http/protobuf)", finding.Message);
    }

    [Fact]
    public void Check_AnOgxServersOverridesEnv_IsFollowed()
    {
        var ogx = Ogx(ns: "tracing", workload: "overrides:\n  env:\n    - name: OTEL_EXPORTER_OTLP_ENDPOINT\n      value: http://otel-collector:4318");

        var finding = Assert.Single(Check(_rule, Collector(ns: "tracing"), ogx));

        Assert.Equal("spec.workload.overrides.env[0].value", finding.Path);
        Assert.Contains("of container \"ogx\" reaches receiver otlp (HTTP, port 4318)", finding.Message);
        Assert.Contains("OGX (OGXServer) runs under opentelemetry-instrument, and which protocol it then sends cannot be told from the manifests: OGX's documentation gives http/protobuf as the default, "
            + "but opentelemetry-distro, which the image installs, defaults the OTLP exporter to gRPC, which the HTTP receiver rejects", finding.Message);
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
