using Generator.Documents;
using Generator.Findings;
using Generator.Json;
using Generator.Yaml;

namespace Generator.Schemas.Checks;

/// <summary>
/// <c>schema-list-map-duplicate</c>: two items of an <c>x-kubernetes-list-type: map</c> list with the same values of its
/// <c>x-kubernetes-list-map-keys</c> (two env vars named <c>FOO</c>, two Route backends with the same name and kind). As
/// the API server's list-type validation does for custom resources (apiextensions-apiserver, schema/listtype): items are
/// compared by their key fields after defaulting (a key left out takes its schema default, else counts as unset), and
/// each key is reported once, at its second item, with the key as JSON (<c>Duplicate value: {"name":"FOO"}</c>). For
/// built-in kinds the server-side apply merge (structured-merge-diff) rejects the same lists, so the finding is an error
/// there too; the message says which.
/// </summary>
internal static class ListMapCheck
{
    public static readonly RuleInfo Rule = new(
        "schema-list-map-duplicate",
        Severity.Error,
        "Two items of a list keyed by x-kubernetes-list-map-keys (env by name, ports by port and protocol) have the same key; the API server rejects the object.",
        "Remove or merge one of the two items, or give it its own key: the message names the key and points at the second item.");

    public static void Check(ValidationRun run, YamlNode node, SchemaNode schema, string path, Mark mark)
    {
        if (schema.ListType != "map" || schema.ListMapKeys.Count == 0 || node is not YamlSequence { Count: > 1 } sequence
            || sequence.Items.Any(i => i is not (YamlMapping or YamlScalar { IsNull: true })))
        {
            return; // Items that are not objects are the type check's.
        }

        var fields = schema.ListMapKeys.Order(StringComparer.Ordinal).ToList();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Count; i++)
        {
            var key = KeyOf(sequence[i] as YamlMapping, fields, schema.Items);
            var times = seen[key] = seen.GetValueOrDefault(key) + 1;
            if (times == 2)
            {
                run.Report(Rule, sequence[i].Start.Or(mark), FieldPath.Index(path, i), $"Duplicate value: {key}{Consequence(run, path, fields, sequence[i] as YamlMapping, schema.Items)}");
            }
        }
    }

    /// <summary>The item's key fields (those it has, or whose schema has a default) as compact JSON, in field-name order as the API server prints them.</summary>
    private static string KeyOf(YamlMapping? item, IReadOnlyList<string> fields, SchemaNode? items) => JsonText.Write(json =>
    {
        json.WriteStartObject();
        foreach (var field in fields)
        {
            if (Value(item, field, items) is { } value)
            {
                json.WritePropertyName(field);
                YamlJson.Write(json, value);
            }
        }

        json.WriteEndObject();
    }, indented: false);

    private static YamlNode? Value(YamlMapping? item, string field, SchemaNode? items) =>
        item?[field] ?? (items?.Property(field)?.Default is { } fallback ? YamlJson.FromJson(fallback) : null);

    /// <summary>Built-in kinds: the API server's own validation differs by field, but server-side apply refuses any such list.</summary>
    private static string Consequence(ValidationRun run, string path, IReadOnlyList<string> fields, YamlMapping? item, SchemaNode? items)
    {
        if (run.Flavor != SchemaFlavor.Native)
        {
            return string.Empty;
        }

        var list = UnknownFieldCheck.ParentName(path, "list");
        var key = string.Join(",", fields.Select(f => $"{f}={(Value(item, f, items) is { } v ? JsonText.Write(json => YamlJson.Write(json, v), indented: false) : "<unset>")}"));
        return $" ({list} is keyed by {string.Join(" and ", fields)}: server-side apply rejects the object with \"duplicate entries for key [{key}]\")";
    }
}
