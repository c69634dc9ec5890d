using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class CollectorUnknownComponentTests
{
    private readonly CollectorUnknownComponent _rule = new();

    private static string WithProcessor(string type) => Config()
        .Replace("  batch: {}", $"  batch: {{}}\n  {type}: {{}}", StringComparison.Ordinal)
        .Replace("processors: [batch]", $"processors: [{type}, batch]", StringComparison.Ordinal);

    [Fact]
    public void Check_ContribComponentTheCatalogDoesNotList_IsNotReportedOnTheContribImage()
    {
        Assert.Empty(Check(_rule, Collector(WithProcessor("groupbyattrs"), "otel/opentelemetry-collector-contrib:0.159.0")));
    }

    [Fact]
    public void Check_SameComponentOnTheCoreImage_IsReportedWithoutAGuess()
    {
        var finding = Assert.Single(Check(_rule, Collector(WithProcessor("groupbyattrs"))));

        Assert.Contains("image otel/opentelemetry-collector:0.159.0 has no processor of type groupbyattrs, nor does any collector distribution this linter knows", finding.Message);
        Assert.DoesNotContain("did you mean", finding.Message);
    }

    [Theory]
    [InlineData("resoruce", "resource")]
    [InlineData("memorylimiter", "memory_limiter")]
    [InlineData("Batch", "batch")]
    public void Check_TypoOnTheContribImage_SuggestsTheKnownType(string typo, string known)
    {
        var finding = Assert.Single(Check(_rule, Collector(WithProcessor(typo), "otel/opentelemetry-collector-contrib:0.159.0")));

        Assert.EndsWith($"did you mean {known}?", finding.Message);
    }

    [Fact]
    public void Check_TypeThatIsNotAValidId_IsLeftToTheIdRule()
    {
        Assert.Empty(Check(_rule, Collector(WithProcessor("memory-limiter"))));
    }
}
