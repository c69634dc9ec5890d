using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class TempoMemoryStorageTests
{
    private readonly TempoMemoryStorage _rule = new();

    [Fact]
    public void Check_NoStorageSection_DefaultsToMemory()
    {
        var finding = Assert.Single(Check(_rule, Tempo("jaegerui:\n  enabled: true\n")));

        Assert.Equal("TempoMonolithic observability/tracing keeps traces in memory (spec.storage.traces.backend is unset and defaults to memory): a restart of pod tempo-tracing-0 loses every trace", finding.Message);
        Assert.Equal(6, finding.Line);
    }

    [Fact]
    public void Check_PersistentVolume_IsSilent()
    {
        Assert.Empty(Check(_rule, Tempo("storage:\n  traces:\n    backend: pv\n")));
    }

    [Fact]
    public void Check_TempoStack_KeepsTracesInObjectStorage()
    {
        Assert.Empty(Check(_rule, TempoStack()));
    }
}
