namespace Generator.Yaml;

/// <summary>A 1-based line and column in a source text; <see cref="None"/> for nodes built in code.</summary>
public readonly record struct Mark(int Line, int Column)
{
    public static readonly Mark None = new(0, 0);

    public bool IsKnown => Line > 0;

    /// <summary>This mark when known, else <paramref name="fallback"/> (for nodes built in code, e.g. schema defaults).</summary>
    public Mark Or(Mark fallback) => IsKnown ? this : fallback;

    public override string ToString() => $"{Line}:{Column}";
}
