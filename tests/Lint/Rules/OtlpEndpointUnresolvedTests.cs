using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class OtlpEndpointUnresolvedTests
{
    private readonly OtlpEndpointUnresolved _rule = new();

    [Fact]
    public void Check_BareServiceName_IsLookedUpInTheWorkloadsNamespace()
    {
        var app = App("apps", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318"));

        var finding = Assert.Single(Check(_rule, Collector(ns: "tracing"), app));

        Assert.Contains("host otel-collector names Service otel-collector in namespace apps, which is not in the linted files", finding.Message);
    }

    [Theory]
    [InlineData(null, "llama-stack")]
    [InlineData("server", "server")]
    public void Check_LlamaStackDistribution_NamesItsContainerAsTheOperatorDoes(string? name, string container)
    {
        var server = System.Text.RegularExpressions.Regex.Replace(
            LlamaStack(container: "env:\n  - name: OTEL_EXPORTER_OTLP_ENDPOINT\n    value: http://otel-collector:4318"),
            "\n( *)name: llama-stack\n", m => name is null ? "\n" : $"\n{m.Groups[1].Value}name: {name}\n");

        var finding = Assert.Single(Check(_rule, server));

        Assert.StartsWith($"OTEL_EXPORTER_OTLP_ENDPOINT http://otel-collector:4318 of container \"{container}\"", finding.Message);
    }

    [Fact]
    public void Check_TracesEndpoint_WinsOverTheBaseEndpoint()
    {
        var app = App("tracing",
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318"),
            ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces-gateway.tracing.svc:4318/v1/traces"));

        var finding = Assert.Single(Check(_rule, Collector(ns: "tracing"), app));

        Assert.StartsWith("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT http://traces-gateway.tracing.svc:4318/v1/traces", finding.Message);
    }

    [Theory]
    [InlineData("http://localhost:4318")]
    [InlineData("https://otlp.example.com:4318")]
    [InlineData("http://10.0.0.7:4318")]
    [InlineData("http://$(COLLECTOR_HOST):4318")]
    public void Check_HostsOutsideTheBundlesReach_AreSilent(string endpoint)
    {
        Assert.Empty(Check(_rule, App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint))));
    }

    [Fact]
    public void Check_HostOneEditFromAServiceOfTheNamespace_IsLeftToReferenceTypo()
    {
        var app = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-colector:4318"));

        Assert.Empty(Check(_rule, Collector(ns: "tracing"), app));
        Assert.Contains("did you mean otel-collector?", Assert.Single(Check(new ReferenceTypo(), Collector(ns: "tracing"), app)).Message);
    }

    [Fact]
    public void Check_ServiceAnOperatorCreatesForACrOfTheBundle_IsResolved()
    {
        var collector = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.tracing.svc:4318"));
        var tempo = App("tracing", ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://tempo-tracing-distributor.observability.svc:4318"));

        Assert.Empty(Check(_rule, OperatorCollector(ns: "tracing"), collector));
        Assert.Empty(Check(_rule, TempoStack(), tempo));
        Assert.Single(Check(_rule, OperatorCollector(name: "gateway", ns: "tracing"), collector));
    }
}
