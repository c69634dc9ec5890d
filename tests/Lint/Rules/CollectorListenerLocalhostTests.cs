using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class CollectorListenerLocalhostTests
{
    private readonly CollectorListenerLocalhost _rule = new();

    private static readonly string HealthCheckWithoutEndpoint = Config(extensions: "health_check:\n  path: /");

    [Theory]
    [InlineData("0.103.0", false)]
    [InlineData("0.104.0", true)]
    public void Check_HealthCheckWithoutEndpoint_BindsLocalhostFrom0104(string tag, bool fires)
    {
        var findings = Check(_rule, Collector(HealthCheckWithoutEndpoint, $"otel/opentelemetry-collector:{tag}"));

        if (fires)
        {
            var finding = Assert.Single(findings);
            Assert.Equal(
                "extension \"health_check\" in ConfigMap \"otel-collector-config\" listens on localhost:13133 (endpoint not set: the default since collector 0.104.0, image otel/opentelemetry-collector:0.104.0), "
                + "but the livenessProbe of container \"otel-collector\" targets port 13133; a localhost socket refuses connections to the pod IP, so listen on 0.0.0.0:13133 (or ${env:MY_POD_IP}:13133) instead",
                finding.Message);
            Assert.Equal(ConfigOffset + 11, finding.Line);
        }
        else
        {
            Assert.Empty(findings);
        }
    }

    [Fact]
    public void Check_DefaultEndpointOnAnImageWithoutVersion_IsNotJudged()
    {
        Assert.Empty(Check(_rule, Collector(HealthCheckWithoutEndpoint, "otel/opentelemetry-collector@sha256:0123")));
    }

    [Fact]
    public void Check_LoopbackListenerNoServiceOrProbeTargets_IsFine()
    {
        var config = Config(extensions: "health_check:\n  endpoint: 0.0.0.0:13133\nzpages:\n  endpoint: 127.0.0.1:55679", serviceExtensions: "[health_check, zpages]");

        Assert.Empty(Check(_rule, Collector(config)));
    }

    [Fact]
    public void Check_ServiceAndProbeOnTheSamePort_AreBothNamed()
    {
        var config = Config().Replace("endpoint: 0.0.0.0:4318", "endpoint: 127.0.0.1:4318", StringComparison.Ordinal);

        var finding = Assert.Single(Check(_rule, Collector(config, probePort: "otlp-http")));

        Assert.Contains("listens on 127.0.0.1:4318, but the livenessProbe of container \"otel-collector\" and Service \"otel-collector\" port 4318 target port 4318", finding.Message);
    }
}
