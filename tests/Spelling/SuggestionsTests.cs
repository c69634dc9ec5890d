using Generator.Spelling;

namespace Generator.Tests.Spelling;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("replcas", "replicas")] // a letter dropped (options key)
    [InlineData("lables", "labels")] // two neighbours swapped: one edit (schema field)
    [InlineData("memroy", "memory")] // (schema enum value)
    [InlineData("Batch", "batch")] // a case slip costs nothing (collector type)
    [InlineData("memorylimiter", "memory_limiter")] // separators are ignored
    [InlineData("image_pull_policy", "imagePullPolicy")]
    [InlineData("otel-collectr", "otel-collector")] // separators ignored and a letter dropped
    public void Closest_FindsTheNameOneEditAway(string typed, string meant)
    {
        string[] candidates = ["replicas", "labels", "memory", "batch", "memory_limiter", "imagePullPolicy", "otel-collector", "tempo"];

        Assert.Equal(meant, Suggestions.Closest(typed, candidates));
    }

    [Theory]
    [InlineData("rplicsa", "replicas")] // two edits
    [InlineData("ecs_observer", "k8s_observer")] // a real contrib extension, two edits from a known one
    [InlineData("groupbyattrs", "groupbytrace")]
    public void Closest_SuggestsNothingFartherThanOneEdit(string typed, string candidate)
    {
        Assert.Null(Suggestions.Closest(typed, [candidate]));
    }

    [Theory]
    [InlineData("rplicsa", "replicas")] // two edits
    [InlineData("llamastack-tracing-ptch", "llamastack-tracing-patch")] // one edit is within any reach
    [InlineData("otel-colectr", "otel-collector")] // two letters dropped
    public void Closest_WithTwoEdits_ReachesTwoEditsAway(string typed, string meant)
    {
        Assert.Equal(meant, Suggestions.Closest(typed, [meant, "tempo"], maxEdits: 2));
    }

    [Theory]
    [InlineData("otel-clctr", "otel-collector")] // four edits
    [InlineData("tempo-traces", "tempo-tracing")] // three edits
    public void Closest_WithTwoEdits_StillSuggestsNothingFarther(string typed, string candidate)
    {
        Assert.Null(Suggestions.Closest(typed, [candidate], maxEdits: 2));
    }

    [Fact]
    public void Closest_OfNoCandidates_IsNull()
    {
        Assert.Null(Suggestions.Closest("anything", []));
    }

    [Theory]
    [InlineData("otlphtp", new[] { "otlp_http", "otlphttp" }, "otlphttp")] // equally close without separators: the exact spelling decides
    [InlineData("bat", new[] { "bag", "bad" }, "bad")] // equally close in every way: the ordinal first
    [InlineData("gc", new[] { "pv", "gcs" }, "gcs")] // the closest, not the first within reach
    public void Closest_BreaksTiesTheSameWayWhateverTheCandidatesOrder(string typed, string[] candidates, string expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typed, candidates));
        Assert.Equal(expected, Suggestions.Closest(typed, candidates.Reverse()));
    }

    [Theory]
    [InlineData("kind", "kind", 0)]
    [InlineData("ApiVersion", "apiversion", 0)] // case-insensitive
    [InlineData("apiVerison", "apiVersion", 1)] // a transposition is one edit (two in Levenshtein's distance)
    [InlineData("kinds", "kind", 1)]
    [InlineData("bacth", "batch", 1)]
    [InlineData("ca", "abc", 3)] // optimal string alignment: no edits of a transposed pair (Damerau's unrestricted distance says 2)
    [InlineData("", "abc", 3)]
    public void Distance_IsOptimalStringAlignmentIgnoringCase(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.Distance(a, b));
        Assert.Equal(expected, Suggestions.Distance(b, a));
    }
}
