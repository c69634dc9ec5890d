namespace Generator.Yaml;

/// <summary>A 1-based line and column in a source text; <see cref="None"/> for nodes built in code.</summary>
public readonly record struct Mark(int Line, int Column)
{
    public static readonly Mark None = new(0, 0);

    public bool IsKnown => Line > 0;

    public override string ToString() => $"{Line}:{Column}";
}
