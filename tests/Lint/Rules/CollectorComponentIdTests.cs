using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class CollectorComponentIdTests
{
    private readonly CollectorComponentId _rule = new();

    [Theory]
    [InlineData("debug/", "has nothing after the /")]
    [InlineData("/debug", "has no type before the /")]
    [InlineData("9debug", "has type \"9debug\", but the type must be letters, digits and _, starting with a letter")]
    [InlineData("debug-out", "has type \"debug-out\"")]
    [InlineData("debug/a+b", "has name \"a+b\" with a space, control or symbol character")]
    public void Check_InvalidExporterId_SaysWhatIsWrong(string id, string expected)
    {
        var finding = Assert.Single(Check(_rule, Collector(Config(exporters: $"\"{id}\": {{}}", pipelineExporters: $"[\"{id}\"]"))));

        Assert.Contains($"exporter id \"{id}\" in ConfigMap \"otel-collector-config\" {expected}", finding.Message);
    }

    [Theory]
    [InlineData("debug/llama.stack-1")]
    [InlineData("debug/2")]
    public void Check_ValidNames_AreAccepted(string id)
    {
        Assert.Empty(Check(_rule, Collector(Config(exporters: $"\"{id}\": {{}}", pipelineExporters: $"[\"{id}\"]"))));
    }

    [Fact]
    public void Check_ProfilesPipeline_MentionsTheFeatureGate()
    {
        var config = Config().Replace("    traces:", "    profiles:", StringComparison.Ordinal);

        var finding = Assert.Single(Check(_rule, Collector(config)));

        Assert.Contains("pipeline id \"profiles\"", finding.Message);
        Assert.Contains("service.profilesSupport", finding.Message);
    }
}
