using System.Collections.Concurrent;
using Generator.Render;

namespace Generator.Schemas;

/// <summary>One source of schemas in a <see cref="SchemaStore"/>: the embedded built-ins, or a directory of compiled files.</summary>
internal abstract class SchemaLayer
{
    private readonly ConcurrentDictionary<(string, string), Lazy<KindSchema?>> _kinds = new();
    private int _compiled;

    public abstract IEnumerable<(string ApiVersion, string Kind)> Kinds { get; }

    /// <summary>How many kinds this layer has compiled (each at most once per process).</summary>
    public int CompiledKinds => Volatile.Read(ref _compiled);

    public abstract IEnumerable<string> LoadedDocuments { get; }

    public abstract bool Provides(string apiVersion, string kind);

    public abstract string Describe(string apiVersion, string kind);

    public KindSchema? Get(string apiVersion, string kind)
    {
        if (!Provides(apiVersion, kind))
        {
            return null;
        }

        var lazy = _kinds.GetOrAdd((apiVersion, kind), key => new Lazy<KindSchema?>(
            () =>
            {
                var schema = Compile(key.Item1, key.Item2);
                Interlocked.Increment(ref _compiled);
                return schema;
            },
            LazyThreadSafetyMode.ExecutionAndPublication));
        return lazy.Value;
    }

    protected abstract KindSchema? Compile(string apiVersion, string kind);
}

/// <summary>The reference documents embedded at build time, listed by <c>schemas/sources.yaml</c>.</summary>
internal sealed class BuiltInLayer : SchemaLayer
{
    private readonly Dictionary<(string, string), (SourceEntry Entry, SchemaDocument Document)> _byKind = [];
    private readonly List<SchemaDocument> _documents = [];

    public BuiltInLayer(IReadOnlyList<SourceEntry> sources)
    {
        foreach (var source in sources)
        {
            var format = source.Format == "openapi-v3" ? SchemaDocumentFormat.OpenApi : SchemaDocumentFormat.Crd;
            var document = new SchemaDocument(source.File, format, () => ReadResource(source.ResourceName));
            _documents.Add(document);
            foreach (var kind in source.Kinds)
            {
                _byKind.TryAdd(kind, (source, document));
            }
        }
    }

    public override IEnumerable<(string ApiVersion, string Kind)> Kinds => _byKind.Keys;

    public override IEnumerable<string> LoadedDocuments => _documents.Where(d => d.Loaded).Select(d => d.Name);

    public override bool Provides(string apiVersion, string kind) => _byKind.ContainsKey((apiVersion, kind));

    public override string Describe(string apiVersion, string kind) => _byKind[(apiVersion, kind)].Entry.Description;

    protected override KindSchema? Compile(string apiVersion, string kind)
    {
        var (entry, document) = _byKind[(apiVersion, kind)];
        var compiled = document.Compile(apiVersion, kind)
            ?? throw new SchemaLoadException($"{entry.File} does not define {apiVersion} {kind} (schemas/sources.yaml says it does)");
        return new KindSchema(apiVersion, kind, compiled.Flavor, compiled.Root, entry.Description);
    }

    private static byte[] ReadResource(string name) =>
        EmbeddedFiles.ReadBytes(name) ?? throw new SchemaLoadException($"the embedded reference document {name} is missing from the build");
}

/// <summary>A directory of compiled schema files written by <see cref="SchemaImporter"/>; files are read only when their kind is needed.</summary>
internal sealed class DirectoryLayer : SchemaLayer
{
    private readonly Dictionary<(string, string), SchemaDocument> _byKind = [];

    public DirectoryLayer(string directory)
    {
        Directory = directory;
        if (!System.IO.Directory.Exists(directory))
        {
            return;
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*" + CompiledSchemaFile.Extension).Order(StringComparer.Ordinal))
        {
            if (CompiledSchemaFile.TryParseFileName(Path.GetFileName(path), out var apiVersion, out var kind))
            {
                _byKind[(apiVersion, kind)] = new SchemaDocument(path, SchemaDocumentFormat.Compiled, () => File.ReadAllBytes(path));
            }
        }
    }

    public string Directory { get; }

    public override IEnumerable<(string ApiVersion, string Kind)> Kinds => _byKind.Keys;

    public override IEnumerable<string> LoadedDocuments => _byKind.Values.Where(d => d.Loaded).Select(d => d.Name);

    public override bool Provides(string apiVersion, string kind) => _byKind.ContainsKey((apiVersion, kind));

    public override string Describe(string apiVersion, string kind)
    {
        var document = _byKind[(apiVersion, kind)];
        string? source = null;
        try
        {
            source = document.CompiledSource();
        }
        catch (SchemaLoadException)
        {
            // Described without its recorded source; validating will report the damage.
        }

        return $"directory {Directory}: {Path.GetFileName(document.Name)}" + (source is null ? string.Empty : $" ({source})");
    }

    protected override KindSchema? Compile(string apiVersion, string kind)
    {
        var document = _byKind[(apiVersion, kind)];
        var compiled = document.Compile(apiVersion, kind) ?? throw new SchemaLoadException($"{document.Name}: no schema");
        return new KindSchema(apiVersion, kind, compiled.Flavor, compiled.Root, Describe(apiVersion, kind));
    }
}
