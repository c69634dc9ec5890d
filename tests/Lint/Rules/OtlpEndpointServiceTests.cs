using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class OtlpEndpointServiceTests
{
    private readonly OtlpEndpointService _rule = new();

    [Theory]
    [InlineData("http://otel-collector:4318")]
    [InlineData("http://otel-collector.tracing:4318")]
    [InlineData("http://otel-collector.tracing.svc:4318")]
    [InlineData("http://otel-collector.tracing.svc.cluster.local:4318/")]
    public void Check_EveryServiceHostForm_IsFollowedToTheReceiver(string endpoint)
    {
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint), ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"));

        var finding = Assert.Single(Check(_rule, Collector(ns: "tracing"), app));

        Assert.Contains("reaches receiver otlp (HTTP, port 4318) of Deployment tracing/otel-collector, which accepts OTLP/HTTP, but OTEL_EXPORTER_OTLP_PROTOCOL is \"grpc\"", finding.Message);
        Assert.EndsWith("env[1].value", finding.Path);
    }

    [Fact]
    public void Check_AnHttpOnlyGenerationToTheGrpcReceiver_FailsWhateverTheProtocolSays()
    {
        var collector = Collector(Config(protocols: GrpcProtocol), ns: "tracing", servicePorts: "- name: otlp-grpc\n  port: 4317\n  targetPort: otlp-grpc\n");
        var server = Server("tracing", "llamastack/distribution-starter:0.3.5", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4317"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"));

        var finding = Assert.Single(Check(_rule, collector, server));

        Assert.Contains("which accepts OTLP/gRPC, but LlamaStack 0.3.5 (image tag 0.3.5) exports OTLP/HTTP whatever OTEL_EXPORTER_OTLP_PROTOCOL says: every export fails", finding.Message);
        Assert.EndsWith("env[0].value", finding.Path);
    }

    [Fact]
    public void Check_AnHttpOnlyGenerationToTheHttpReceiver_WorksWhateverTheProtocolSays()
    {
        var server = Server("tracing", "llamastack/distribution-starter:0.3.5", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"));

        Assert.Empty(Check(_rule, Collector(ns: "tracing"), server));
    }

    [Fact]
    public void Check_ReceiverEndpointWithoutHost_ListensOnItsPort()
    {
        var config = Config(protocols: "http:\n  endpoint: \":4319\"");
        var collector = Collector(config, ns: "tracing", servicePorts: "- name: otlp-http\n  port: 4319\n  targetPort: 4319\n");
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.tracing.svc:4319"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));

        Assert.Empty(Check(_rule, collector, app));
    }

    [Fact]
    public void Check_MatchingProtocol_IsSilent()
    {
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.tracing.svc:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));

        Assert.Empty(Check(_rule, Collector(ns: "tracing"), app));
    }

    [Fact]
    public void Check_NamedTargetPortNoContainerHas_NamesTheTarget()
    {
        var collector = Collector(ns: "tracing", servicePorts: "- name: otlp-http\n  port: 4318\n  targetPort: otlp\n");
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.tracing.svc:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));

        var finding = Assert.Single(Check(_rule, collector, app));

        Assert.Contains("Service tracing/otel-collector port 4318 targets \"otlp\", which no container of Deployment tracing/otel-collector declares", finding.Message);
    }

    [Fact]
    public void Check_NumericTargetPortOfTheGrpcReceiver_IsFollowed()
    {
        var collector = Collector(Config(protocols: HttpProtocol + GrpcProtocol), ns: "tracing", servicePorts: "- name: otlp\n  port: 4318\n  targetPort: 4317\n");
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.tracing.svc:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));

        var finding = Assert.Single(Check(_rule, collector, app));

        Assert.Contains("reaches receiver otlp (gRPC, port 4317)", finding.Message);
    }

    [Fact]
    public void Check_TempoWithTenants_HasOnlyTheGatewayService()
    {
        var tempo = Tempo(tenants: "dev");
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://tempo-tracing.observability.svc:4317"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"));

        var finding = Assert.Single(Check(_rule, tempo, app));

        Assert.Contains("TempoMonolithic observability/tracing does not create Service tempo-tracing: its OTLP Service is tempo-tracing-gateway", finding.Message);
    }

    [Fact]
    public void Check_TempoWithHttpIngestionOff_ListsItsPorts()
    {
        var tempo = Tempo("ingestion:\n  otlp:\n    http:\n      enabled: false\n");
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://tempo-tracing.observability.svc:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));

        var finding = Assert.Single(Check(_rule, tempo, app));

        Assert.Contains("receives OTLP on 4317 (gRPC), not port 4318", finding.Message);
    }

    [Fact]
    public void Check_TempoServiceOfTheBundle_IsFollowedToItsHttpPort()
    {
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://tempo-tracing.observability.svc:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"));

        var finding = Assert.Single(Check(_rule, Tempo(), app));

        Assert.Contains("reaches Service tempo-tracing of TempoMonolithic observability/tracing (HTTP, port 4318), which accepts OTLP/HTTP", finding.Message);
    }

    [Fact]
    public void Check_ReceiverOfANamedTracesPipeline_Listens()
    {
        var collector = Collector(ns: "tracing").Replace("        traces:\n", "        traces/llamastack:\n", StringComparison.Ordinal);
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));

        Assert.DoesNotContain("traces:\n", collector, StringComparison.Ordinal);
        Assert.Empty(Check(_rule, collector, app));
    }

    private static string Sending(string endpoint, string protocol = "http/protobuf") =>
        App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint), ("OTEL_EXPORTER_OTLP_PROTOCOL", protocol));

    [Theory]
    [InlineData("http://otel-collector.tracing.svc:4318")]
    [InlineData("http://otel-collector-headless.tracing.svc.cluster.local:4318")]
    public void Check_ServiceTheOperatorCreates_IsFollowedToTheReceiver(string endpoint)
    {
        Assert.Empty(Check(_rule, OperatorCollector(ns: "tracing"), Sending(endpoint)));

        var finding = Assert.Single(Check(_rule, OperatorCollector(ns: "tracing"), Sending(endpoint, "grpc")));

        Assert.Contains("reaches receiver otlp (HTTP, port 4318) of OpenTelemetryCollector tracing/otel, through Service otel-collector", finding.Message);
    }

    [Fact]
    public void Check_PortNoReceiverOfTheOperatorCollectorOpens_SaysWhichListen()
    {
        var finding = Assert.Single(Check(_rule, OperatorCollector(ns: "tracing"), Sending("http://otel-collector.tracing.svc:4317", "grpc")));

        Assert.Equal(
            "OTEL_EXPORTER_OTLP_ENDPOINT http://otel-collector.tracing.svc:4317 of container \"app\": Service otel-collector, which the OpenTelemetry Operator creates for OpenTelemetryCollector tracing/otel, has a port for each receiver its pipelines use, and no OTLP receiver of a traces pipeline listens on port 4317 (OTLP listeners: otlp HTTP 4318)",
            finding.Message);
    }

    [Fact]
    public void Check_SidecarCollector_HasNoService()
    {
        var finding = Assert.Single(Check(_rule, OperatorCollector(ns: "tracing", mode: "sidecar"), Sending("http://otel-collector.tracing.svc:4318")));

        Assert.Contains("OpenTelemetryCollector tracing/otel runs in sidecar mode, in which the operator creates no Service otel-collector", finding.Message);
    }

    [Fact]
    public void Check_UserServiceOnTheOperatorsPodLabels_ReachesTheDerivedPort()
    {
        var service = Service("traces", "tracing", "app.kubernetes.io/instance: tracing.otel\napp.kubernetes.io/component: opentelemetry-collector",
            "- name: otlp\n  port: 4318\n  targetPort: otlp-http");

        Assert.Empty(Check(_rule, OperatorCollector(ns: "tracing"), service, Sending("http://traces.tracing.svc:4318")));

        var finding = Assert.Single(Check(_rule, OperatorCollector(ns: "tracing"), service, Sending("http://traces.tracing.svc:4318", "grpc")));
        Assert.Contains("reaches receiver otlp (HTTP, port 4318) of OpenTelemetryCollector tracing/otel, which accepts OTLP/HTTP", finding.Message);
    }

    [Fact]
    public void Check_TempoStackDistributor_TakesBothProtocolsWithoutGateway()
    {
        Assert.Empty(Check(_rule, TempoStack(), Sending("http://tempo-tracing-distributor.observability.svc:4318")));

        var finding = Assert.Single(Check(_rule, TempoStack(), Sending("http://tempo-tracing-distributor.observability.svc:4319")));

        Assert.Contains("Service tempo-tracing-distributor, which the Tempo Operator creates for TempoStack observability/tracing, receives OTLP on 4317 (gRPC), 4318 (HTTP), not port 4319", finding.Message);
    }

    [Fact]
    public void Check_TempoStackWithGateway_TheDistributorIsNoWayIn()
    {
        var finding = Assert.Single(Check(_rule, TempoStack(gateway: true, tenants: "dev"), Sending("http://tempo-tracing-distributor.observability.svc:4318")));

        Assert.Contains("TempoStack observability/tracing takes OTLP through Service tempo-tracing-gateway (with the gateway, the distributor's receivers require internal mTLS and admit only the gateway's pods)", finding.Message);
        Assert.Empty(Check(_rule, TempoStack(gateway: true, tenants: "dev"), Sending("https://tempo-tracing-gateway.observability.svc:8090", "grpc")));
    }
}
