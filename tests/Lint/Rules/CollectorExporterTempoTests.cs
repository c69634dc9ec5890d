using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class CollectorExporterTempoTests
{
    private readonly CollectorExporterTempo _rule = new();

    private const string GatewayExporter = """
        otlp_grpc/tempo:
          endpoint: tempo-tracing-gateway.observability.svc.cluster.local:4317
          tls:
            ca_file: /var/run/secrets/kubernetes.io/serviceaccount/service-ca.crt
          auth:
            authenticator: bearertokenauth
        """;

    private const string BearerToken = "health_check:\n  endpoint: 0.0.0.0:13133\nbearertokenauth:\n  filename: /var/run/secrets/kubernetes.io/serviceaccount/token";

    [Fact]
    public void Check_GatewayWithoutTenantHeader_NamesTheTenants()
    {
        var config = Config(exporters: GatewayExporter, pipelineExporters: "[otlp_grpc/tempo]", extensions: BearerToken, serviceExtensions: "[health_check, bearertokenauth]");

        var finding = Assert.Single(Check(_rule, Collector(config, "otel/opentelemetry-collector-contrib:0.159.0"), Tempo(tenants: ["dev", "prod"])));

        Assert.Equal(
            "exporter \"otlp_grpc/tempo\" in ConfigMap \"otel-collector-config\" sends to the gateway of TempoMonolithic \"tracing\" without headers.X-Scope-OrgID; the gateway rejects spans without a tenant (tenants: dev, prod)",
            finding.Message);
    }

    [Fact]
    public void Check_AuthenticatorNotInServiceExtensions_IsAnError()
    {
        var config = Config(exporters: GatewayExporter + "\n  headers:\n    x-scope-orgid: dev", pipelineExporters: "[otlp_grpc/tempo]", extensions: BearerToken);

        var finding = Assert.Single(Check(_rule, Collector(config, "otel/opentelemetry-collector-contrib:0.159.0"), Tempo(tenants: "dev")));

        Assert.Contains("with \"bearertokenauth\", which is not listed in service.extensions", finding.Message);
        Assert.EndsWith("exporters[otlp_grpc/tempo].auth.authenticator", finding.Path);
    }

    [Fact]
    public void Check_BareServiceNameFromAnotherNamespace_IsNotTheTempoService()
    {
        var config = Config(exporters: "otlp_grpc/tempo:\n  endpoint: tempo-tracing:4317", pipelineExporters: "[otlp_grpc/tempo]");

        var finding = Assert.Single(Check(_rule, Collector(config), Tempo()));

        Assert.Contains("sends to Service \"tempo-tracing\" in namespace \"llamastack\", which no TempoMonolithic or TempoStack in the bundle creates; the bundle has TempoMonolithic \"tracing\" (Service \"tempo-tracing\" in namespace \"observability\")", finding.Message);
    }

    [Fact]
    public void Check_GrpcIngestionDisabled_SaysThereIsNo4317()
    {
        var config = Config(exporters: "otlp_grpc/tempo:\n  endpoint: tempo-tracing.observability.svc:4317", pipelineExporters: "[otlp_grpc/tempo]");
        var tempo = Tempo("ingestion:\n  otlp:\n    grpc:\n      enabled: false\n");

        var finding = Assert.Single(Check(_rule, Collector(config), tempo));

        Assert.Contains("TempoMonolithic \"tracing\" sets spec.ingestion.otlp.grpc.enabled: false, so there is no 4317 port", finding.Message);
    }

    [Fact]
    public void Check_NoTempoMonolithicInTheBundle_StaysSilent()
    {
        var config = Config(exporters: "otlp_grpc/tempo:\n  endpoint: tempo-elsewhere.observability:4318", pipelineExporters: "[otlp_grpc/tempo]");

        Assert.Empty(Check(_rule, Collector(config)));
    }

    [Fact]
    public void Check_OtlpHttpTracesEndpointThroughTheGateway_IsAccepted()
    {
        var exporter = "otlp_http/tempo:\n  traces_endpoint: https://tempo-tracing-gateway.observability.svc.cluster.local:8080/api/traces/v1/dev/v1/traces\n"
            + "  auth:\n    authenticator: bearertokenauth\n  headers:\n    X-Scope-OrgID: dev";
        var config = Config(exporters: exporter, pipelineExporters: "[otlp_http/tempo]", extensions: BearerToken, serviceExtensions: "[health_check, bearertokenauth]");

        Assert.Empty(Check(_rule, Collector(config, "otel/opentelemetry-collector-contrib:0.159.0"), Tempo(tenants: "dev")));
    }

    [Theory]
    [InlineData("endpoint", "http://tempo-tracing.observability.svc.cluster.local:4318", false)]
    [InlineData("endpoint", "http://tempo-tracing.observability.svc.cluster.local:4318/v1/traces", true)]
    [InlineData("traces_endpoint", "http://tempo-tracing.observability.svc.cluster.local:4318/v1/traces", false)]
    [InlineData("traces_endpoint", "http://tempo-tracing.observability.svc.cluster.local:4318", true)]
    public void Check_OtlpHttpWithoutGateway_NeedsPort4318AndTheRightPath(string key, string url, bool fires)
    {
        var config = Config(exporters: $"otlp_http/tempo:\n  {key}: {url}", pipelineExporters: "[otlp_http/tempo]");

        var findings = Check(_rule, Collector(config), Tempo());

        Assert.Equal(fires ? 1 : 0, findings.Count);
        Assert.All(findings, f => Assert.Contains(
            "takes OTLP/HTTP at http://tempo-tracing.observability.svc.cluster.local:4318 (the exporter appends /v1/traces to endpoint)", f.Message));
    }

    [Fact]
    public void Check_ServiceNameOneEditFromTempos_IsLeftToReferenceTypo()
    {
        var config = Config(exporters: "otlp_grpc/tempo:\n  endpoint: tempo-tracng.observability.svc.cluster.local:4317\n  tls:\n    insecure: true", pipelineExporters: "[otlp_grpc/tempo]");

        Assert.Empty(Check(_rule, Collector(config), Tempo()));
        Assert.Single(Check(new ReferenceTypo(), Collector(config), Tempo()));
    }

    private static string StackExporter(string endpoint, string settings = "  tls:\n    insecure: true") =>
        Config(exporters: $"otlp_grpc/tempo:\n  endpoint: {endpoint}\n{settings}", pipelineExporters: "[otlp_grpc/tempo]", extensions: BearerToken, serviceExtensions: "[health_check, bearertokenauth]");

    private const string GatewaySettings = "  tls:\n    ca_file: /var/run/secrets/kubernetes.io/serviceaccount/service-ca.crt\n  auth:\n    authenticator: bearertokenauth\n  headers:\n    X-Scope-OrgID: dev";

    [Fact]
    public void Check_TempoStackWithGateway_DistributorCannotWork()
    {
        var config = StackExporter("tempo-tracing-distributor.observability.svc.cluster.local:4317", GatewaySettings);

        var finding = Assert.Single(Check(_rule, Collector(config, "otel/opentelemetry-collector-contrib:0.159.0"), TempoStack(gateway: true, tenants: "dev")));

        Assert.Contains("but TempoStack \"tracing\" has a gateway: the distributor's OTLP receivers then require internal mTLS and its NetworkPolicy admits only the gateway's pods, so every export fails; its way in is \"tempo-tracing-gateway\"; send to tempo-tracing-gateway.observability.svc.cluster.local:8090", finding.Message);
    }

    [Fact]
    public void Check_TempoStackGateway_TakesGrpcOn8090()
    {
        var image = "otel/opentelemetry-collector-contrib:0.159.0";
        var right = StackExporter("tempo-tracing-gateway.observability.svc.cluster.local:8090", GatewaySettings);
        var wrong = StackExporter("tempo-tracing-gateway.observability.svc.cluster.local:4317", GatewaySettings);

        Assert.Empty(Check(_rule, Collector(right, image), TempoStack(gateway: true, tenants: "dev")));
        var finding = Assert.Single(Check(_rule, Collector(wrong, image), TempoStack(gateway: true, tenants: "dev")));
        Assert.Contains("takes OTLP gRPC at tempo-tracing-gateway.observability.svc.cluster.local:8090", finding.Message);
    }

    [Fact]
    public void Check_TempoStackWithoutGateway_DistributorTakesGrpc_GatewayDoesNotExist()
    {
        Assert.Empty(Check(_rule, Collector(StackExporter("tempo-tracing-distributor.observability.svc.cluster.local:4317")), TempoStack()));

        var finding = Assert.Single(Check(_rule, Collector(StackExporter("tempo-tracing-gateway.observability.svc.cluster.local:8090")), TempoStack()));

        Assert.Contains("TempoStack \"tracing\" has no gateway (spec.template.gateway.enabled is not true), so its only OTLP Service is \"tempo-tracing-distributor\"", finding.Message);
    }

    [Fact]
    public void Check_MultitenantTempoStackWithoutGateway_NeedsTheTenantHeader()
    {
        var tempo = TempoStack(mode: "static", tenants: "dev");
        var withHeader = StackExporter("tempo-tracing-distributor.observability.svc.cluster.local:4317", "  tls:\n    insecure: true\n  headers:\n    X-Scope-OrgID: dev");

        Assert.Empty(Check(_rule, Collector(withHeader), tempo));
        var finding = Assert.Single(Check(_rule, Collector(StackExporter("tempo-tracing-distributor.observability.svc.cluster.local:4317")), tempo));
        Assert.Contains("sends to TempoStack \"tracing\", which runs multi-tenant without a gateway, but sets no headers.X-Scope-OrgID; Tempo rejects spans that name no tenant", finding.Message);
    }

    [Fact]
    public void Check_MonolithicMultitenancyWithoutTenants_RunsMultiTenantWithoutGateway()
    {
        var tempo = Tempo("multitenancy:\n  enabled: true\n");
        var plain = Collector(StackExporter("tempo-tracing.observability.svc.cluster.local:4317"));
        var withHeader = Collector(StackExporter("tempo-tracing.observability.svc.cluster.local:4317", "  tls:\n    insecure: true\n  headers:\n    X-Scope-OrgID: anyone"));

        Assert.Contains("which runs multi-tenant without a gateway, but sets no headers.X-Scope-OrgID", Assert.Single(Check(_rule, plain, tempo)).Message);
        Assert.Empty(Check(_rule, withHeader, tempo));
    }
}
