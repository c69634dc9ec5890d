using Generator.Findings;
using Generator.Json;
using Generator.Yaml;

namespace Generator.Schemas.Checks;

/// <summary>
/// <c>schema-type</c>: a value of the wrong JSON type, including YAML 1.1's surprises (<c>yes</c>, <c>on</c> and <c>1.10</c>
/// are not strings unless quoted) and int-or-string fields given something else.
/// </summary>
internal static class TypeCheck
{
    public static readonly RuleInfo Rule = new(
        "schema-type",
        Severity.Error,
        "A value whose type is not the one the schema declares; the API server rejects the object.",
        "Give the field a value of the declared type; quote strings that YAML would read as booleans or numbers (\"yes\", \"1.10\").");

    /// <summary>Whether the node has one of the schema's types; reports and returns false when not.</summary>
    public static bool Check(ValidationRun run, YamlNode node, SchemaNode schema, string path, Mark mark)
    {
        if (schema.IntOrString)
        {
            if (node is YamlScalar { Kind: ScalarKind.Integer or ScalarKind.String })
            {
                return true;
            }

            run.Report(Rule, mark, path, $"Invalid value: {YamlJson.Show(node)}: must be an integer or a string");
            return false;
        }

        if (schema.Types is null || Matches(node, schema.Types))
        {
            return true;
        }

        var expected = schema.Types.Count == 0 ? "nothing (the schema allows no value here)" : "of type " + string.Join(" or ", schema.Types);
        run.Report(Rule, mark, path, $"Invalid value: {YamlJson.Show(node)}: must be {expected}{Hint(node, schema.Types)}");
        return false;
    }

    public static bool Matches(YamlNode node, IReadOnlyList<string> types)
    {
        foreach (var type in types)
        {
            var ok = (type, node) switch
            {
                ("object", YamlMapping) => true,
                ("array", YamlSequence) => true,
                ("string", YamlScalar { Kind: ScalarKind.String }) => true,
                ("boolean", YamlScalar { Kind: ScalarKind.Boolean }) => true,
                ("null", YamlScalar { Kind: ScalarKind.Null }) => true,
                ("number", YamlScalar { Kind: ScalarKind.Integer or ScalarKind.Float }) => true,
                ("integer", YamlScalar { Kind: ScalarKind.Integer }) => true,
                // JSON has one number type: 3.0 reaches the API server as 3, an integer.
                ("integer", YamlScalar { Kind: ScalarKind.Float } f) => f.AsNumber() is { } d && double.IsFinite(d) && Math.Floor(d) == d,
                _ => false,
            };
            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    private static string Hint(YamlNode node, IReadOnlyList<string> types)
    {
        if (node is YamlScalar { Style: ScalarStyle.Plain, Kind: ScalarKind.Boolean or ScalarKind.Integer or ScalarKind.Float or ScalarKind.Null } scalar
            && types.Contains("string") && scalar.Text.Length > 0)
        {
            return $" (YAML reads {scalar.Text} as {(scalar.Kind == ScalarKind.Boolean ? "a boolean" : scalar.Kind == ScalarKind.Null ? "null" : "a number")}; quote it: \"{scalar.Text}\")";
        }

        return string.Empty;
    }
}
