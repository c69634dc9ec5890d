using Generator.Yaml;

namespace Generator.Schemas;

/// <summary>One entry of <c>schemas/sources.yaml</c>: a reference document and where it came from.</summary>
internal sealed record SourceEntry(string File, string Upstream, string Path, string Revision, string? Origin, string Blob, string License)
{
    /// <summary>e.g. <c>crds/x.yaml (grafana/tempo-operator@049c8f2, AGPL-3.0)</c>: what each compiled file records as its source.</summary>
    public string Description
    {
        get
        {
            var repository = Upstream.Replace("https://github.com/", string.Empty, StringComparison.Ordinal).TrimEnd('/');
            var revision = Revision.Length == 40 && Revision.All(char.IsAsciiHexDigit) ? Revision[..7] : Revision;
            return $"{File} ({repository}@{revision}, {License})";
        }
    }
}

/// <summary>Reads <c>schemas/sources.yaml</c>, the provenance of every reference document the bundle is built from.</summary>
internal static class SourceCatalog
{
    public static IReadOnlyList<SourceEntry> Parse(string name, byte[] bytes)
    {
        var yaml = YamlReader.Parse(name, bytes);
        if (yaml.Problems.Count > 0)
        {
            throw new SchemaImportException($"{name}:{yaml.Problems[0].Mark}: {yaml.Problems[0].Message}");
        }

        var entries = new List<SourceEntry>();
        var sources = (yaml.Documents.FirstOrDefault()?.Root as YamlMapping)?.GetSequence("sources")
            ?? throw new SchemaImportException($"{name}: expected a mapping with a 'sources' list");
        foreach (var item in sources)
        {
            if (item is not YamlMapping source)
            {
                throw new SchemaImportException($"{name}:{item.Start}: a source must be a mapping");
            }

            string Required(string key) => source.GetString(key) is { Length: > 0 } value
                ? value
                : throw new SchemaImportException($"{name}:{source.Start}: the source needs '{key}'");

            entries.Add(new SourceEntry(Required("file"), Required("upstream"), Required("path"), Required("revision"), source.GetString("origin"), Required("blob"), Required("license")));
        }

        return entries;
    }
}
