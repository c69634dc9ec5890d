using Generator.Findings;
using Generator.Json;
using Generator.Spelling;
using Generator.Yaml;

namespace Generator.Schemas.Checks;

/// <summary><c>schema-enum</c>: a value that is not one of the schema's <c>enum</c> values (kubectl's "Unsupported value").</summary>
internal static class EnumCheck
{
    public static readonly RuleInfo Rule = new(
        "schema-enum",
        Severity.Error,
        "A value outside the schema's list of supported values; the API server rejects the object.",
        "Use one of the supported values listed in the message (values are case-sensitive).");

    public static void Check(ValidationRun run, YamlNode node, SchemaNode schema, string path, Mark mark)
    {
        if (schema.Enum is not { } values || values.Any(v => YamlJson.ValueEquals(node, v)))
        {
            return;
        }

        var supported = string.Join(", ", values.Select(YamlJson.Show));
        var close = node is YamlScalar { Kind: ScalarKind.String } s
            ? Suggestions.Closest(s.Text, values.Where(v => v.ValueKind == System.Text.Json.JsonValueKind.String).Select(v => v.GetString()!))
            : null;
        run.Report(Rule, mark, path, $"Unsupported value: {YamlJson.Show(node)}: supported values: {supported}"
            + (close is null ? string.Empty : $" (did you mean \"{close}\"?)"));
    }
}
