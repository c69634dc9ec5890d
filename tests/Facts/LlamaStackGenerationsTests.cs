using System.Text.RegularExpressions;
using Generator.Facts;

namespace Generator.Tests.Facts;

/// <summary>The generations table: every release the tool knows falls in exactly one generation, each where its sources put it.</summary>
public sealed class LlamaStackGenerationsTests
{
    [Theory]
    [InlineData("0.2.0", "0.2.0-0.2.12")]
    [InlineData("0.2.10", "0.2.0-0.2.12")]
    [InlineData("0.2.12", "0.2.0-0.2.12")]
    [InlineData("0.2.13", "0.2.13-0.2.14")]
    [InlineData("0.2.14", "0.2.13-0.2.14")]
    [InlineData("0.2.15", "0.2.15-0.2.x")]
    [InlineData("0.2.22", "0.2.15-0.2.x")]
    [InlineData("0.2.100", "0.2.15-0.2.x")]
    [InlineData("0.3.0", "0.3.x")]
    [InlineData("0.3.5", "0.3.x")]
    [InlineData("0.4.2", "0.4.x-0.6.x")]
    [InlineData("0.5.1", "0.4.x-0.6.x")]
    [InlineData("0.6.1", "0.4.x-0.6.x")]
    [InlineData("0.7.1", "0.7.x-and-later")]
    [InlineData("0.10.0", "0.7.x-and-later")]
    [InlineData("1.3.0", "0.7.x-and-later")]
    public void EachRelease_FallsInExactlyOneGeneration(string release, string id)
    {
        Assert.Equal(id, Assert.Single(LlamaStackGenerations.All, g => g.Matches(release)).Id);
        Assert.Matches(LlamaStackGenerations.ReleasePattern, release);
    }

    [Theory]
    [InlineData("0.1.9")]
    [InlineData("0.0.53")]
    [InlineData("0.3")]
    [InlineData("0.3.5.1")]
    [InlineData("v0.3.5")]
    public void OlderOrMalformedReleases_AreNone(string release)
    {
        Assert.Null(LlamaStackGenerations.Of(release));
        Assert.DoesNotMatch(new Regex(LlamaStackGenerations.ReleasePattern), release);
    }

    [Fact]
    public void WhatEachGenerationNeeds_IsWhatItsSourcesSay()
    {
        Assert.All(LlamaStackGenerations.All.Where(g => g.TracingModule), g => Assert.Equal(StartupHook.TracingFix, g.Hook));
        Assert.Equal(StartupHook.TracerProvider, LlamaStackGenerations.NoProvider.Hook);
        Assert.Equal(StartupHook.None, LlamaStackGenerations.AutoInstrumented.Hook);
        Assert.Equal(StartupHook.None, LlamaStackGenerations.Ogx.Hook);
        Assert.Equal([LlamaStackGenerations.TelemetrySinks], LlamaStackGenerations.All.Where(g => g.NeedsTelemetrySinks));
        Assert.Equal([LlamaStackGenerations.TraceEndpointDefault, LlamaStackGenerations.TraceEndpointRequired], LlamaStackGenerations.All.Where(g => g.RunYamlProblem is not null));
        Assert.Equal([LlamaStackGenerations.AutoInstrumented], LlamaStackGenerations.All.Where(g => !g.HttpOnly));
    }

    [Theory]
    [InlineData("0.7.1", "0.7.1")]
    [InlineData("v0.4.2", "0.4.2")]
    [InlineData("0.3.5.1+rhai0", "0.3.5")]
    [InlineData("v0.7.1+rhaiv.1", "0.7.1")]
    [InlineData("1.3.0-rc1", "1.3.0")]
    [InlineData("latest", null)]
    [InlineData("rhoai-3.2", null)]
    [InlineData("0.7", null)]
    [InlineData(null, null)]
    public void ReleaseOfTag_ReadsTheReleaseOfATag(string? tag, string? release)
    {
        Assert.Equal(release, LlamaStackGenerations.ReleaseOfTag(tag));
    }
}
