namespace Generator.Spelling;

/// <summary>
/// "Did you mean" for a misspelt name, one rule for every message that offers one (options keys, schema fields and enum
/// values, collector component types): the closest candidate that is at most <see cref="MaxEdits"/> edit away once case
/// and the word separators <c>_</c> and <c>-</c> are ignored. An edit is a letter added, dropped or changed, or two
/// neighbours swapped (optimal string alignment), so <c>replcas</c>, <c>lables</c>, <c>Batch</c>, <c>memorylimiter</c>
/// and <c>image_pull_policy</c> find <c>replicas</c>, <c>labels</c>, <c>batch</c>, <c>memory_limiter</c> and
/// <c>imagePullPolicy</c>. One edit, not more: the collector rule reports an unknown type on images whose components
/// the catalog lists only in part when a suggestion exists, and two edits would take real components of those images
/// for typos (<c>ecs_observer</c> is two edits from <c>k8s_observer</c>). Messages list the valid names as well, so a
/// typo farther away is still easy to fix.
/// <para>
/// A caller may widen the reach with <c>maxEdits</c> where the candidates are every name the typed one could mean and
/// a miss is already known to be wrong: lint's references by object name (<c>otel-collectr</c> for the Service
/// <c>otel-collector</c> of the same namespace) allow two edits, since object names are long and a reference that names
/// no object of its namespace is broken whether or not a suggestion is found.
/// </para>
/// <para>
/// The distance is written here (a short loop on stack buffers) rather than taken from a package: the string-similarity
/// packages compute the same distance on a heap matrix per call and would add a dependency to the native tool.
/// </para>
/// </summary>
internal static class Suggestions
{
    /// <summary>How far (in edits, case and separators ignored) a name may be from what was typed to be suggested.</summary>
    public const int MaxEdits = 1;

    /// <summary>How many names a message lists before "…(N more)".</summary>
    public const int ListLimit = 6;

    /// <summary>Longer names than this are not compared (their distance is their length): no stack buffer grows unbounded.</summary>
    private const int MaxCompared = 256;

    /// <summary>
    /// The candidate meant by <paramref name="typed"/>, or null when none is within <paramref name="maxEdits"/> (by
    /// default <see cref="MaxEdits"/>). Among equally close candidates, the one nearest the typed spelling with separators
    /// counted wins, then the ordinal first, so the answer does not depend on the candidates' order.
    /// </summary>
    /// <param name="typed">The name as written.</param>
    /// <param name="candidates">The names it may mean.</param>
    /// <param name="maxEdits">How many edits (case and separators ignored) a candidate may be away; see the class comment for when to widen it.</param>
    public static string? Closest(string typed, IEnumerable<string> candidates, int maxEdits = MaxEdits)
    {
        var folded = WithoutSeparators(typed);
        string? best = null;
        var bestScore = (Folded: int.MaxValue, Exact: int.MaxValue);
        foreach (var candidate in candidates)
        {
            var distance = Distance(folded, WithoutSeparators(candidate));
            if (distance > maxEdits)
            {
                continue;
            }

            var score = (Folded: distance, Exact: Distance(typed, candidate));
            var order = score.CompareTo(bestScore);
            if (order < 0 || (order == 0 && string.CompareOrdinal(candidate, best) < 0))
            {
                (best, bestScore) = (candidate, score);
            }
        }

        return best;
    }

    /// <summary>
    /// "a, b, c" when there are few valid names (in the given order); otherwise the closest few by edit distance, then
    /// "…(N more)".
    /// </summary>
    public static string ListValid(string unknown, IReadOnlyList<string> valid)
    {
        if (valid.Count <= ListLimit)
        {
            return string.Join(", ", valid);
        }

        var closest = valid.OrderBy(v => Distance(unknown, v)).ThenBy(v => v, StringComparer.Ordinal).Take(ListLimit).ToList();
        return string.Join(", ", closest) + ", …(" + (valid.Count - closest.Count) + " more)";
    }

    /// <summary>The distance <see cref="Closest"/> judges by: case and the separators <c>_</c> and <c>-</c> ignored.</summary>
    public static int FoldedDistance(string a, string b) => Distance(WithoutSeparators(a), WithoutSeparators(b));

    /// <summary>Optimal string alignment distance, case-insensitive (a case slip costs as little as a match would).</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length > MaxCompared || b.Length > MaxCompared)
        {
            return Math.Max(a.Length, b.Length);
        }

        Span<char> la = stackalloc char[a.Length];
        Span<char> lb = stackalloc char[b.Length];
        a.AsSpan().ToLowerInvariant(la);
        b.AsSpan().ToLowerInvariant(lb);
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var ca = la[i - 1];
            for (var j = 1; j <= b.Length; j++)
            {
                var cb = lb[j - 1];
                var cost = ca == cb ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == lb[j - 2] && la[i - 2] == cb)
                {
                    best = Math.Min(best, previous2[j - 2] + 1);
                }

                current[j] = best;
            }

            var rotated = previous2;
            previous2 = previous;
            previous = current;
            current = rotated;
        }

        return previous[b.Length];
    }

    private static string WithoutSeparators(string name) => name.Contains('_') || name.Contains('-') ? name.Replace("_", string.Empty).Replace("-", string.Empty) : name;
}
