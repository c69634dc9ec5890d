using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class CollectorExporterTlsTests
{
    private readonly CollectorExporterTls _rule = new();

    private static string Exporting(string type, string settings) =>
        Config(exporters: $"{type}/tempo:\n{settings}", pipelineExporters: $"[{type}/tempo]");

    [Fact]
    public void Check_HttpSchemeToTheGateway_PointsAtTheEndpoint()
    {
        var config = Exporting("otlp_grpc", "  endpoint: http://tempo-tracing-gateway.observability.svc.cluster.local:4317");

        var finding = Assert.Single(Check(_rule, Collector(config), Tempo(tenants: "dev")));

        Assert.Contains("the gateway Service \"tempo-tracing-gateway\" of TempoMonolithic \"tracing\", which serves only TLS, but the http:// scheme makes it send plain text", finding.Message);
        Assert.EndsWith("exporters[otlp_grpc/tempo].endpoint", finding.Path);
    }

    [Fact]
    public void Check_InsecureToTempoWithIngestionTls_NamesTheTempoSetting()
    {
        var config = Exporting("otlp", "  endpoint: tempo-tracing.observability:4317\n  tls:\n    insecure: true");
        var tempo = Tempo("ingestion:\n  otlp:\n    grpc:\n      enabled: true\n      tls:\n        enabled: true\n");

        var finding = Assert.Single(Check(_rule, Collector(config), tempo));

        Assert.Contains("whose OTLP gRPC port serves TLS (spec.ingestion.otlp.grpc.tls.enabled), but tls.insecure: true makes it send plain text", finding.Message);
    }

    [Theory]
    [InlineData("https://tempo-tracing.observability.svc.cluster.local:4318", true)]
    [InlineData("http://tempo-tracing.observability.svc.cluster.local:4318", false)]
    public void Check_OtlpHttpToPlainTempo_FollowsTheScheme(string endpoint, bool fires)
    {
        var findings = Check(_rule, Collector(Exporting("otlp_http", $"  endpoint: {endpoint}")), Tempo());

        Assert.Equal(fires ? 1 : 0, findings.Count);
        Assert.All(findings, f => Assert.Contains("the https:// scheme makes it use TLS", f.Message));
    }

    [Fact]
    public void Check_NonTempoEndpoint_IsNotJudged()
    {
        Assert.Empty(Check(_rule, Collector(Exporting("otlp_grpc", "  endpoint: jaeger-collector.observability:4317")), Tempo()));
    }

    [Fact]
    public void Check_TempoStack_GatewayNeedsTls_DistributorIsPlain()
    {
        var insecureToGateway = Exporting("otlp_grpc", "  endpoint: tempo-tracing-gateway.observability.svc:8090\n  tls:\n    insecure: true");
        var insecureToDistributor = Exporting("otlp_grpc", "  endpoint: tempo-tracing-distributor.observability.svc:4317\n  tls:\n    insecure: true");
        var tlsToDistributor = Exporting("otlp_grpc", "  endpoint: tempo-tracing-distributor.observability.svc:4317");

        var gateway = Assert.Single(Check(_rule, Collector(insecureToGateway), TempoStack(gateway: true, tenants: "dev")));
        Assert.Contains("the gateway Service \"tempo-tracing-gateway\" of TempoStack \"tracing\", which serves only TLS, but tls.insecure: true makes it send plain text", gateway.Message);
        Assert.Empty(Check(_rule, Collector(insecureToDistributor), TempoStack()));
        var distributor = Assert.Single(Check(_rule, Collector(tlsToDistributor), TempoStack()));
        Assert.Contains("Service \"tempo-tracing-distributor\" of TempoStack \"tracing\", whose OTLP gRPC port serves plain text", distributor.Message);
    }
}
