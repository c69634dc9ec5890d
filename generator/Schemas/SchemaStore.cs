namespace Generator.Schemas;

/// <summary>
/// Where schemas come from, in priority order: directories of compiled schemas (the last one given wins), then the
/// built-in bundle embedded from <c>schemas/bundle/</c>. Every kind is compiled at most once per store layer and process,
/// lazily, on first use; only the file of that kind is parsed. Thread-safe.
/// </summary>
public sealed class SchemaStore
{
    private static readonly Lazy<SchemaStore> Shared = new(CreateBuiltIn, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly IReadOnlyList<SchemaLayer> _layers;

    private SchemaStore(IReadOnlyList<SchemaLayer> layers) => _layers = layers;

    /// <summary>The embedded bundle; one shared instance per process.</summary>
    public static SchemaStore BuiltIn => Shared.Value;

    /// <summary>All kinds any layer knows, highest priority first.</summary>
    public IEnumerable<(string ApiVersion, string Kind)> KnownKinds => _layers.SelectMany(l => l.Kinds).Distinct();

    /// <summary>How many kinds have been compiled, summed over the layers (a test hook: each kind compiles once).</summary>
    internal int CompiledKinds => _layers.Sum(l => l.CompiledKinds);

    /// <summary>Which compiled files have been parsed so far (a test hook for laziness).</summary>
    internal IReadOnlyList<string> LoadedDocuments => [.. _layers.SelectMany(l => l.LoadedDocuments)];

    /// <summary>A store of its own (not shared), for tests that count compilations.</summary>
    internal static SchemaStore CreateBuiltIn() => new([CompiledFilesLayer.Embedded()]);

    /// <summary>A store where the compiled-schema directories override this store's sources; later directories override earlier ones.</summary>
    public SchemaStore WithDirectories(IEnumerable<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var added = directories.Select(d => (SchemaLayer)CompiledFilesLayer.FromDirectory(d)).Reverse();
        return new SchemaStore([.. added, .. _layers]);
    }

    /// <summary>The compiled schema of a kind, or null when no layer knows it. Throws <see cref="SchemaLoadException"/> for a damaged source.</summary>
    public KindSchema? Find(string apiVersion, string kind)
    {
        foreach (var layer in _layers)
        {
            if (layer.Provides(apiVersion, kind))
            {
                return layer.Get(apiVersion, kind);
            }
        }

        return null;
    }

    /// <summary>Which source provides a kind (for <c>--verbose</c>), or null when none does.</summary>
    public string? DescribeSource(string apiVersion, string kind) =>
        _layers.FirstOrDefault(l => l.Provides(apiVersion, kind))?.Describe(apiVersion, kind);
}
