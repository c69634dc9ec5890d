using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Generator.Schemas;

/// <summary>
/// Builds the schema bundle the tool embeds (<c>schemas/bundle/</c>, one compiled file per apiVersion/kind, facts only) from
/// the reference documents that <c>schemas/sources.yaml</c> lists. Every document is converted and verified before anything
/// is written, and the directory ends up holding exactly the bundle's files, so the same documents always give the same
/// bytes (CI rebuilds the bundle and fails on drift).
/// </summary>
public static class SchemaBundleBuilder
{
    /// <summary>The folders of the reference directory whose documents the bundle must cover, and the files looked at there.</summary>
    private static readonly (string Folder, string[] Patterns)[] ReferenceFolders =
    [
        ("crds", ["*.yaml", "*.yml", "*.json"]),
        ("kubernetes", ["*.json"]),
    ];

    /// <returns>One line per source document: its file and the kinds it provided.</returns>
    public static IReadOnlyList<string> Build(string referenceDir, string sourcesFile, string intoDir)
    {
        var entries = SourceCatalog.Parse(sourcesFile, ReadFile(sourcesFile));
        CheckCoverage(referenceDir, sourcesFile, entries);

        var bundle = new SortedDictionary<string, CompiledSchema>(StringComparer.Ordinal);
        var report = new List<string>();
        foreach (var entry in entries.OrderBy(e => e.File, StringComparer.Ordinal))
        {
            var bytes = ReadFile(Path.Combine(referenceDir, entry.File));
            var blob = GitBlobId(bytes);
            if (blob != entry.Blob)
            {
                throw new SchemaImportException(
                    $"{sourcesFile}: {entry.File} has git blob {blob}, but its entry says {entry.Blob}: the document changed; record its new revision, blob and licence");
            }

            var compiled = SchemaImporter.Convert(entry.Description, Encoding.UTF8.GetString(bytes));
            foreach (var schema in compiled)
            {
                // Kubernetes documents repeat shared subresource types (autoscaling/v1 Scale is in core and apps): the same
                // facts twice are one kind, kept from the first document; different facts for one kind are a conflict.
                if (bundle.TryGetValue(schema.FileName, out var earlier) && !SameFacts(earlier, schema))
                {
                    throw new SchemaImportException($"{entry.File} defines {schema.ApiVersion} {schema.Kind} differently from another listed document");
                }

                bundle.TryAdd(schema.FileName, schema);
            }

            report.Add($"{entry.File}: {compiled.Count} kinds");
        }

        Write(intoDir, bundle);
        return report;
    }

    /// <summary>The id git gives a file's content (<c>git hash-object</c>): SHA-1 over "blob &lt;size&gt;\0" and the bytes.</summary>
    public static string GitBlobId(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
    }

    private static bool SameFacts(CompiledSchema left, CompiledSchema right)
    {
        using var a = JsonDocument.Parse(left.Content);
        using var b = JsonDocument.Parse(right.Content);
        return Facts(a.RootElement) == Facts(b.RootElement);

        static string Facts(JsonElement root) =>
            root.GetProperty("schema").GetRawText() + (root.TryGetProperty("definitions", out var definitions) ? definitions.GetRawText() : string.Empty);
    }

    private static void CheckCoverage(string referenceDir, string sourcesFile, IReadOnlyList<SourceEntry> entries)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!listed.Add(entry.File))
            {
                throw new SchemaImportException($"{sourcesFile}: {entry.File} is listed twice");
            }
        }

        foreach (var (folder, patterns) in ReferenceFolders)
        {
            var directory = Path.Combine(referenceDir, folder);
            if (!Directory.Exists(directory))
            {
                throw new SchemaImportException($"{directory}: no such directory (the reference documents: --from DIR)");
            }

            var unlisted = patterns.SelectMany(p => Directory.EnumerateFiles(directory, p))
                .Select(f => folder + "/" + Path.GetFileName(f))
                .Where(f => !listed.Contains(f))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (unlisted.Count > 0)
            {
                throw new SchemaImportException($"{sourcesFile}: {string.Join(", ", unlisted)} not listed: add each with its upstream, path, revision, blob and licence");
            }
        }
    }

    private static void Write(string intoDir, SortedDictionary<string, CompiledSchema> bundle)
    {
        try
        {
            Directory.CreateDirectory(intoDir);
            foreach (var stale in Directory.EnumerateFiles(intoDir).Where(f => !bundle.ContainsKey(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }

            foreach (var (name, schema) in bundle)
            {
                var path = Path.Combine(intoDir, name);
                if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(schema.Content))
                {
                    File.WriteAllBytes(path, schema.Content);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SchemaImportException($"cannot write the bundle into {intoDir}: {ex.Message}");
        }
    }

    private static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SchemaImportException($"cannot read {path}: {ex.Message}");
        }
    }
}
