using Generator.Render;
using Generator.Yaml;

namespace Generator.Schemas;

/// <summary>One entry of <c>schemas/sources.yaml</c>: a reference document, where it came from, and the kinds it provides.</summary>
internal sealed record SourceEntry(string File, string Format, string? Upstream, string? Revision, IReadOnlyList<(string ApiVersion, string Kind)> Kinds)
{
    /// <summary>The embedded resource name (the csproj embeds ../shared/reference/&lt;file&gt; as reference/&lt;file&gt;).</summary>
    public string ResourceName => "reference/" + File;

    /// <summary>e.g. <c>built-in: crds/x.yaml (grafana/tempo-operator@049c8f2)</c>.</summary>
    public string Description
    {
        get
        {
            var repository = Upstream is null ? "unknown" : Upstream.Replace("https://github.com/", string.Empty, StringComparison.Ordinal).TrimEnd('/');
            var revision = (Revision ?? "unknown").Split(' ', 2)[0];
            if (revision.Length == 40 && revision.All(char.IsAsciiHexDigit))
            {
                revision = revision[..7];
            }

            return $"built-in: {File} ({repository}@{revision})";
        }
    }
}

/// <summary>Reads <c>schemas/sources.yaml</c> (embedded): which document to open for an apiVersion/kind, without opening the others.</summary>
internal static class SourceCatalog
{
    public const string ResourceName = "schemas/sources.yaml";

    public static IReadOnlyList<SourceEntry> LoadEmbedded()
    {
        var bytes = EmbeddedFiles.ReadBytes(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from the build");
        return Parse(ResourceName, bytes);
    }

    public static IReadOnlyList<SourceEntry> Parse(string name, byte[] bytes)
    {
        var yaml = YamlReader.Parse(name, bytes);
        if (yaml.Problems.Count > 0)
        {
            throw new InvalidOperationException($"{name}:{yaml.Problems[0].Mark}: {yaml.Problems[0].Message}");
        }

        var entries = new List<SourceEntry>();
        var sources = (yaml.Documents.FirstOrDefault()?.Root as YamlMapping)?.GetSequence("sources") ?? [];
        foreach (var item in sources.OfType<YamlMapping>())
        {
            var file = item.GetString("file") ?? throw new InvalidOperationException($"{name}:{item.Start}: a source needs a file");
            var kinds = new List<(string, string)>();
            foreach (var kind in item.GetSequence("kinds")?.OfType<YamlScalar>() ?? [])
            {
                var parts = kind.Text.Split(' ', 2, StringSplitOptions.TrimEntries);
                if (parts.Length == 2)
                {
                    kinds.Add((parts[0], parts[1]));
                }
            }

            entries.Add(new SourceEntry(file, item.GetString("format") ?? "crd", item.GetString("upstream"), item.GetString("revision"), kinds));
        }

        return entries;
    }
}
