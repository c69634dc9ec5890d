using Generator.Documents;
using Generator.Json;
using Generator.Schemas.Checks;
using Generator.Yaml;

namespace Generator.Schemas;

/// <summary>
/// What the API server does to an object before it validates it: for custom resources, drop nulls of fields that are not
/// nullable (warning <c>schema-null-dropped</c>) and fill in schema defaults; for built-in kinds, treat nulls as unset. The
/// user's tree is never modified: changed mappings and lists are copied, unchanged subtrees shared, positions kept (defaulted
/// values have none and findings on them fall back to their parent's position).
/// </summary>
internal static class SchemaNormalizer
{
    public static YamlNode Normalize(ValidationRun run, YamlNode node, SchemaNode schema, string path, bool resourceRoot, Mark fallback)
    {
        var mark = node.Start.Or(fallback);
        switch (node)
        {
            case YamlMapping mapping when schema.AllowsType("object"):
                return NormalizeMapping(run, mapping, schema, path, resourceRoot, mark);
            case YamlSequence sequence when schema.AllowsType("array") && schema.Items is { } items:
                List<YamlNode>? copy = null;
                for (var i = 0; i < sequence.Count; i++)
                {
                    var item = sequence[i];
                    var normalized = Normalize(run, item, items, FieldPath.Index(path, i), items.EmbeddedResource, mark);
                    if (!ReferenceEquals(item, normalized))
                    {
                        copy ??= [.. sequence.Items];
                        copy[i] = normalized;
                    }
                }

                return copy is null ? sequence : new YamlSequence(copy, sequence.Start);
            default:
                return node;
        }
    }

    private static YamlNode NormalizeMapping(ValidationRun run, YamlMapping mapping, SchemaNode schema, string path, bool resourceRoot, Mark mark)
    {
        var custom = run.Flavor == SchemaFlavor.CustomResource;
        List<YamlEntry>? entries = null;
        for (var i = 0; i < mapping.Count; i++)
        {
            var entry = mapping.Entries[i];
            var name = entry.Key.Text;
            if (resourceRoot && name is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            var child = schema.Property(name) ?? schema.AdditionalProperties;
            if (child is null)
            {
                continue;
            }

            var childPath = FieldPath.Child(path, name);
            YamlEntry? replacement;
            if (entry.Value is YamlScalar { IsNull: true })
            {
                if (child.Nullable)
                {
                    continue;
                }

                if (custom)
                {
                    NullDroppedCheck.Report(run, entry, childPath, child.Default is not null, mark);
                }

                replacement = custom && child.Default is { } value
                    ? new YamlEntry(entry.Key, Normalize(run, YamlJson.FromJson(value), child, childPath, child.EmbeddedResource, entry.Key.Start.Or(mark)))
                    : null;
            }
            else
            {
                var normalized = Normalize(run, entry.Value, child, childPath, child.EmbeddedResource, entry.Key.Start.Or(mark));
                if (ReferenceEquals(normalized, entry.Value))
                {
                    continue;
                }

                replacement = new YamlEntry(entry.Key, normalized);
            }

            entries ??= [.. mapping.Entries];
            entries[i] = replacement!;
        }

        var result = entries?.Where(e => e is not null).ToList();
        if (custom && schema.Properties is not null)
        {
            foreach (var name in schema.PropertyNames)
            {
                var child = schema.Properties[name];
                if (child.Default is not { } value || (result is null ? mapping.ContainsKey(name) : result.Any(e => e.Key.Text == name)))
                {
                    continue;
                }

                result ??= [.. mapping.Entries];
                var defaulted = Normalize(run, YamlJson.FromJson(value), child, FieldPath.Child(path, name), child.EmbeddedResource, mark);
                result.Add(new YamlEntry(YamlScalar.String(name, Mark.None), defaulted));
            }
        }

        if (result is null)
        {
            return mapping;
        }

        var copy = new YamlMapping(mapping.Start);
        foreach (var entry in result)
        {
            copy.Append(entry);
        }

        return copy;
    }
}
