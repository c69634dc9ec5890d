using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class ProbePortNotListeningTests
{
    private readonly ProbePortNotListening _rule = new();

    [Fact]
    public void Check_HealthCheckMovedToAnotherPort_ListsWhereTheConfigListens()
    {
        var config = Config(extensions: "health_check:\n  endpoint: 0.0.0.0:13134");

        var finding = Assert.Single(Check(_rule, Collector(config, probePort: "13133")));

        Assert.Equal(
            "the livenessProbe of container \"otel-collector\" (Deployment llamastack/otel-collector) targets port 13133, where nothing in ConfigMap \"otel-collector-config\" listens "
            + "(listening: receiver \"otlp\" (protocols.http) on 4318, extension \"health_check\" on 13134, service.telemetry.metrics on 8888); the kubelet restarts the collector over and over",
            finding.Message);
        Assert.Equal("spec.template.spec.containers[0].livenessProbe.httpGet.port", finding.Path);
    }

    [Fact]
    public void Check_ProbeOnTheMetricsPort_IsListening()
    {
        Assert.Empty(Check(_rule, Collector(Config(), probePort: "8888")));
    }

    [Fact]
    public void Check_ListenerPortFromAnEnvVariable_IsNotJudged()
    {
        var config = Config(extensions: "health_check:\n  endpoint: ${env:HEALTH_ENDPOINT}");

        Assert.Empty(Check(_rule, Collector(config)));
    }
}
