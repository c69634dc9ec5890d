namespace Generator.Yaml;

/// <summary>
/// Bounds that keep a hostile or broken input from exhausting memory or time: a pre-commit hook sees whatever is committed.
/// </summary>
public sealed record YamlLimits
{
    public static readonly YamlLimits Default = new();

    /// <summary>Largest file read, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences (Kubernetes objects and CRDs stay well below 64).</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>Most nodes a stream may expand to when every alias is counted as a full copy ("billion laughs").</summary>
    public long MaxExpandedNodes { get; init; } = 2_000_000;

    /// <summary>Most documents in one stream.</summary>
    public int MaxDocuments { get; init; } = 100_000;
}
