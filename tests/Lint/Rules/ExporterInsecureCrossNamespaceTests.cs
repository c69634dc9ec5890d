using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class ExporterInsecureCrossNamespaceTests
{
    private readonly ExporterInsecureCrossNamespace _rule = new();

    private static string WithExporter(string exporter, string ns = "tracing") =>
        Collector(ns: ns).Replace("      debug: {}\n", exporter, StringComparison.Ordinal);

    [Fact]
    public void Check_ShortHostInAnotherNamespace_IsReportedAtInsecure()
    {
        var finding = Assert.Single(Check(_rule, WithExporter("      otlp/tempo:\n        endpoint: tempo-tracing.observability:4317\n        tls:\n          insecure: true\n")));

        Assert.Contains("sends to tempo-tracing.observability:4317 in namespace observability with tls.insecure: true", finding.Message);
        Assert.Equal("data[config.yaml] → exporters[otlp/tempo].tls.insecure", finding.Path);
    }

    [Theory]
    [InlineData("      otlp/local:\n        endpoint: tempo-tracing:4317\n        tls:\n          insecure: true\n")]
    [InlineData("      otlp/same:\n        endpoint: tempo-tracing.tracing.svc:4317\n        tls:\n          insecure: true\n")]
    [InlineData("      otlp/external:\n        endpoint: http://otlp.example.com:4318\n")]
    public void Check_SameNamespaceOrOutsideTheCluster_IsSilent(string exporter)
    {
        Assert.Empty(Check(_rule, WithExporter(exporter)));
    }
}
