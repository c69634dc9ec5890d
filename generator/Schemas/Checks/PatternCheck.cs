using Generator.Findings;
using Generator.Json;
using Generator.Yaml;

namespace Generator.Schemas.Checks;

/// <summary><c>schema-pattern</c>: a string that does not match the schema's <c>pattern</c> (RE2 syntax, see <see cref="Re2Regex"/>).</summary>
internal static class PatternCheck
{
    public static readonly RuleInfo Rule = new(
        "schema-pattern",
        Severity.Error,
        "A string that does not match the schema's pattern; the API server rejects the object.",
        "Change the value so it matches the regular expression shown in the message.");

    public static void Check(ValidationRun run, YamlNode node, SchemaNode schema, string path, Mark mark)
    {
        if (schema.Pattern is not { } pattern || node is not YamlScalar { Kind: ScalarKind.String } scalar)
        {
            return;
        }

        var regex = Re2Regex.Get(pattern);
        if (regex is not null && !regex.IsMatch(scalar.Text))
        {
            run.Report(Rule, mark, path, $"Invalid value: {YamlJson.Show(node)}: should match '{pattern}'");
        }
    }
}
