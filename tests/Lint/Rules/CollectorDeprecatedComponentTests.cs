using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class CollectorDeprecatedComponentTests
{
    private readonly CollectorDeprecatedComponent _rule = new();

    private static readonly string K8sAttributes = Config()
        .Replace("  batch: {}", "  batch: {}\n  k8sattributes/pods: {}", StringComparison.Ordinal)
        .Replace("processors: [batch]", "processors: [k8sattributes/pods, batch]", StringComparison.Ordinal);

    [Theory]
    [InlineData("0.145.0", false)]
    [InlineData("0.146.0", true)]
    public void Check_K8sAttributesRename_StartsAt0146(string tag, bool fires)
    {
        var findings = Check(_rule, Collector(K8sAttributes, $"otel/opentelemetry-collector-contrib:{tag}"));

        if (fires)
        {
            var finding = Assert.Single(findings);
            Assert.Contains($"type k8sattributes is a deprecated alias of k8s_attributes since collector 0.146.0 (image otel/opentelemetry-collector-contrib:{tag} is {tag})", finding.Message);
            Assert.Contains("rename it to \"k8s_attributes/pods\"", finding.Message);
        }
        else
        {
            Assert.Empty(findings);
        }
    }

    [Fact]
    public void Check_ComponentTheCoreImageLacks_IsLeftToTheNotInImageRule()
    {
        Assert.Empty(Check(_rule, Collector(K8sAttributes, "otel/opentelemetry-collector:0.159.0")));
    }

    [Fact]
    public void Check_OtlpReceiver_IsNotTheRenamedExporter()
    {
        Assert.Empty(Check(_rule, Collector(Config(), "otel/opentelemetry-collector:0.159.0")));
    }
}
