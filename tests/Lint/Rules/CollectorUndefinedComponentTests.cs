using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class CollectorUndefinedComponentTests
{
    private readonly CollectorUndefinedComponent _rule = new();

    private const string WithForwardConnector = """
        receivers:
          otlp:
            protocols:
              http:
                endpoint: 0.0.0.0:4318
        processors:
          batch: {}
        exporters:
          debug: {}
        connectors:
          forward: {}
        service:
          pipelines:
            traces:
              receivers: [otlp]
              processors: [PROCESSORS]
              exporters: [forward]
            traces/out:
              receivers: [forward]
              exporters: [debug]
        """;

    [Fact]
    public void Check_ConnectorInReceiverAndExporterLists_IsDefined()
    {
        Assert.Empty(Check(_rule, Collector(WithForwardConnector.Replace("PROCESSORS", "batch", StringComparison.Ordinal))));
    }

    [Fact]
    public void Check_ConnectorInProcessorList_IsUndefinedAndConnectorsAreNotOffered()
    {
        var finding = Assert.Single(Check(_rule, Collector(WithForwardConnector.Replace("PROCESSORS", "batch, forward", StringComparison.Ordinal))));

        Assert.Equal("pipeline \"traces\" lists processor \"forward\", which ConfigMap \"otel-collector-config\" does not define under processors (defined: batch); the collector refuses to start", finding.Message);
        Assert.Equal(ConfigOffset + 16, finding.Line);
        Assert.EndsWith("service.pipelines.traces.processors[1]", finding.Path);
    }

    [Fact]
    public void Check_IdsAreComparedAfterTrimmingLikeTheCollector()
    {
        Assert.Empty(Check(_rule, Collector(Config(exporters: "debug/ one: {}", pipelineExporters: "[\"debug/one \"]"))));
    }
}
