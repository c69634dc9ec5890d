using System.Collections.Concurrent;
using Generator.Resources;

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

/// <summary>
/// Compiled schema files (<see cref="CompiledSchemaFile"/>): the bundle embedded from <c>schemas/bundle/</c>, or a directory
/// written by <see cref="SchemaImporter"/>. Kinds come from the file names; a file is read only when its kind is needed.
/// </summary>
internal sealed class CompiledFilesLayer : SchemaLayer
{
    /// <summary>Where the build embeds <c>schemas/bundle/*.json</c>.</summary>
    public const string EmbeddedPrefix = "schemas/bundle/";

    private readonly Dictionary<(string, string), SchemaDocument> _byKind = [];
    private readonly Func<SchemaDocument, string> _describe;

    private CompiledFilesLayer(IEnumerable<(string Name, Func<byte[]> Read)> files, Func<SchemaDocument, string> describe)
    {
        _describe = describe;
        foreach (var (name, read) in files)
        {
            if (CompiledSchemaFile.TryParseFileName(Path.GetFileName(name), out var apiVersion, out var kind))
            {
                _byKind[(apiVersion, kind)] = new SchemaDocument(name, SchemaDocumentFormat.Compiled, read);
            }
        }
    }

    /// <summary>The bundle embedded at build time.</summary>
    public static CompiledFilesLayer Embedded() => new(
        EmbeddedFiles.List(EmbeddedPrefix).Select(name => (name, (Func<byte[]>)(() => EmbeddedFiles.ReadBytes(name)
            ?? throw new SchemaLoadException($"the embedded schema {name} is missing from the build")))),
        document => "built-in: " + (document.CompiledSource() ?? document.Name));

    /// <summary>A directory of compiled files (a missing directory provides nothing).</summary>
    public static CompiledFilesLayer FromDirectory(string directory)
    {
        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*" + CompiledSchemaFile.Extension).Order(StringComparer.Ordinal)
                .Select(path => (path, (Func<byte[]>)(() => File.ReadAllBytes(path))))
            : [];
        return new(files, document => DescribeInDirectory(directory, document));
    }

    public override IEnumerable<(string ApiVersion, string Kind)> Kinds => _byKind.Keys;

    public override IEnumerable<string> LoadedDocuments => _byKind.Values.Where(d => d.Loaded).Select(d => d.Name);

    public override bool Provides(string apiVersion, string kind) => _byKind.ContainsKey((apiVersion, kind));

    public override string Describe(string apiVersion, string kind) => _describe(_byKind[(apiVersion, kind)]);

    protected override KindSchema? Compile(string apiVersion, string kind)
    {
        var document = _byKind[(apiVersion, kind)];
        var compiled = document.Compile(apiVersion, kind) ?? throw new SchemaLoadException($"{document.Name}: no schema");
        return new KindSchema(apiVersion, kind, compiled.Flavor, compiled.Root, Describe(apiVersion, kind));
    }

    private static string DescribeInDirectory(string directory, SchemaDocument document)
    {
        string? source = null;
        try
        {
            source = document.CompiledSource();
        }
        catch (SchemaLoadException)
        {
            // Described without its recorded source; validating will report the damage.
        }

        return $"directory {directory}: {Path.GetFileName(document.Name)}" + (source is null ? string.Empty : $" ({source})");
    }
}
