using Generator.Documents;
using Generator.Findings;
using Generator.Json;
using Generator.Yaml;

namespace Generator.Schemas.Checks;

/// <summary>
/// <c>schema-list-set-duplicate</c>: an <c>x-kubernetes-list-type: set</c> list holding the same item twice (finalizers,
/// exit codes). As the API server's list-type validation does: items compare by their JSON value (so <c>1</c> and
/// <c>"1"</c> differ) and each repeated value is reported once, at its second occurrence (<c>Duplicate value: "x"</c>).
/// </summary>
internal static class ListSetCheck
{
    public static readonly RuleInfo Rule = new(
        "schema-list-set-duplicate",
        Severity.Error,
        "A list of x-kubernetes-list-type set holds the same value twice; the API server rejects the object.",
        "Remove the repeated value (the message points at its second occurrence).");

    public static void Check(ValidationRun run, YamlNode node, SchemaNode schema, string path, Mark mark)
    {
        if (schema.ListType != "set" || node is not YamlSequence { Count: > 1 } sequence)
        {
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Count; i++)
        {
            var value = JsonText.Write(json => YamlJson.Write(json, sequence[i]), indented: false);
            var times = seen[value] = seen.GetValueOrDefault(value) + 1;
            if (times == 2)
            {
                var suffix = run.Flavor == SchemaFlavor.Native ? " (server-side apply rejects a set with a repeated value)" : string.Empty;
                run.Report(Rule, sequence[i].Start.Or(mark), FieldPath.Index(path, i), $"Duplicate value: {value}{suffix}");
            }
        }
    }
}
