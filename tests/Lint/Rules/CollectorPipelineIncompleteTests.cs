using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class CollectorPipelineIncompleteTests
{
    private readonly CollectorPipelineIncomplete _rule = new();

    [Fact]
    public void Check_ServiceWithoutPipelines_ReportsAtThePipelinesKey()
    {
        const string config = """
            receivers:
              otlp:
                protocols:
                  http: {}
            exporters:
              debug: {}
            service:
              pipelines: {}
            """;

        var finding = Assert.Single(Check(_rule, Collector(config)));

        Assert.Contains("ConfigMap \"otel-collector-config\" defines no pipelines under service.pipelines", finding.Message);
        Assert.Equal(ConfigOffset + 8, finding.Line);
    }

    [Fact]
    public void Check_PipelineWithEmptyReceiverList_ReportsMissingReceivers()
    {
        var config = Config().Replace("receivers: [otlp]", "receivers: []", StringComparison.Ordinal);

        var finding = Assert.Single(Check(_rule, Collector(config)));

        Assert.Contains("pipeline \"traces\" in ConfigMap \"otel-collector-config\" has no receivers", finding.Message);
    }

    [Fact]
    public void Check_SameProcessorInTwoPipelines_IsAllowed()
    {
        var config = Config() + "\n    traces/two:\n      receivers: [otlp]\n      processors: [batch]\n      exporters: [debug]";

        Assert.Empty(Check(_rule, Collector(config)));
    }
}
