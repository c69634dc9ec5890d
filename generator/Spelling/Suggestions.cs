namespace Generator.Spelling;

/// <summary>Nearest valid names for a misspelt key: the list for messages and the single "did you mean" candidate.</summary>
internal static class Suggestions
{
    /// <summary>How many names a message lists before "…(N more)".</summary>
    public const int ListLimit = 6;

    /// <summary>
    /// "a, b, c" when there are few valid names (in schema order); otherwise the closest few by edit distance, then
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

    /// <summary>The one valid name that is very close to the unknown one (a typo or a case slip), or null.</summary>
    public static string? DidYouMean(string unknown, IReadOnlyList<string> valid)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var candidate in valid)
        {
            var distance = Distance(unknown, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (candidate, distance, false);
            }
            else if (distance == bestDistance)
            {
                tie = true;
            }
        }

        if (best is null || tie)
        {
            return null;
        }

        var allowed = Math.Max(1, Math.Min(3, Math.Max(unknown.Length, best.Length) / 4));
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Optimal string alignment distance, case-insensitive (a case slip costs as little as a match would).</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length > 256 || b.Length > 256)
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
}
