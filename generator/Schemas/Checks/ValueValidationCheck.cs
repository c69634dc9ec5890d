using Generator.Documents;
using Generator.Findings;
using Generator.Json;
using Generator.Yaml;

namespace Generator.Schemas.Checks;

/// <summary>
/// <c>schema-value-validation</c>: <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>/<c>not</c>, which structural schemas allow as pure
/// value validations (they declare no fields and prune nothing). Each branch is evaluated as a predicate on the defaulted
/// value; absent properties satisfy a branch's <c>properties</c>, as in JSON Schema.
/// </summary>
internal static class ValueValidationCheck
{
    public static readonly RuleInfo Rule = new(
        "schema-value-validation",
        Severity.Error,
        "A value that fails the schema's allOf/anyOf/oneOf/not conditions (combinations of fields that the API server rejects).",
        "Change the fields named in the message so that the combination is allowed.");

    public static void Check(SchemaWalker walker, YamlNode node, SchemaNode schema, string path, Mark mark)
    {
        var run = walker.Run;
        var shown = YamlJson.Show(node);
        foreach (var branch in schema.AllOf)
        {
            if (!walker.Satisfies(node, branch, path, mark, out var failure))
            {
                var inner = Strip(failure, path);
                run.Report(Rule, mark, path, HasReason(inner) ? inner : $"Invalid value: {shown}: {inner}");
            }
        }

        if (schema.AnyOf.Count > 0 && !schema.AnyOf.Any(b => walker.Satisfies(node, b, path, mark, out _)))
        {
            var options = string.Join("; or ", schema.AnyOf.Select(b => Describe(b, path)));
            run.Report(Rule, mark, path, $"Invalid value: {shown}: must satisfy at least one of: {options}");
        }

        if (schema.OneOf.Count > 0)
        {
            var passing = schema.OneOf.Count(b => walker.Satisfies(node, b, path, mark, out _));
            if (passing != 1)
            {
                var options = string.Join("; ", schema.OneOf.Select(b => Describe(b, path)));
                run.Report(Rule, mark, path, $"Invalid value: {shown}: must satisfy exactly one of ({passing} do): {options}");
            }
        }

        if (schema.Not is { } not && walker.Satisfies(node, not, path, mark, out _))
        {
            run.Report(Rule, mark, path, $"Invalid value: {shown}: {NotMessage(not, path)}");
        }
    }

    private static string NotMessage(SchemaNode not, string path)
    {
        if (not.Enum is { Count: > 0 } values && not.Properties is null && not.Types is null)
        {
            return values.Count == 1 ? $"must not be {YamlJson.Show(values[0])}" : "must not be one of " + string.Join(", ", values.Select(YamlJson.Show));
        }

        return "must not satisfy: " + Describe(not, path);
    }

    private static bool HasReason(string message) =>
        new[] { "Invalid value:", "Unsupported value:", "Required value:", "Too long:", "Too many:", "Forbidden:" }.Any(r => message.StartsWith(r, StringComparison.Ordinal));

    private static string Strip(string? failure, string path)
    {
        if (failure is null)
        {
            return "fails a condition of the schema";
        }

        return path.Length > 0 && failure.StartsWith(path + ": ", StringComparison.Ordinal) ? failure[(path.Length + 2)..] : failure;
    }

    /// <summary>A readable statement of what a branch requires, e.g. <c>tls.termination is "passthrough"</c>, <c>path is empty</c>.</summary>
    internal static string Describe(SchemaNode schema, string path, string prefix = "", int depth = 0)
    {
        if (depth > 4)
        {
            return "…";
        }

        var clauses = new List<string>();
        var subject = prefix.Length == 0 ? (path.Length == 0 ? "the object" : "the value") : prefix;
        if (schema.Types is { Count: > 0 } types)
        {
            clauses.Add($"{subject} is of type {string.Join(" or ", types)}");
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            clauses.Add(values.Count == 1 && values[0].ValueKind == System.Text.Json.JsonValueKind.Null
                ? $"{subject} is null or not set"
                : values.Count == 1 ? $"{subject} is {YamlJson.Show(values[0])}" : $"{subject} is one of {string.Join(", ", values.Select(YamlJson.Show))}");
        }

        if (schema.MaxLength == 0)
        {
            clauses.Add($"{subject} is empty or not set");
        }
        else if (schema.MaxLength is { } max)
        {
            clauses.Add($"{subject} is at most {max} characters");
        }

        if (schema.MinLength is { } min)
        {
            clauses.Add($"{subject} is at least {min} characters");
        }

        if (schema.Pattern is { } pattern)
        {
            clauses.Add($"{subject} matches '{pattern}'");
        }

        foreach (var required in schema.Required)
        {
            clauses.Add($"{FieldPath.Child(prefix, required)} is set");
        }

        if (schema.Properties is not null)
        {
            foreach (var name in schema.PropertyNames)
            {
                clauses.Add(Describe(schema.Properties[name], path, FieldPath.Child(prefix, name), depth + 1));
            }
        }

        if (schema.Not is { } not)
        {
            clauses.Add("not (" + Describe(not, path, prefix, depth + 1) + ")");
        }

        foreach (var all in schema.AllOf)
        {
            clauses.Add(Describe(all, path, prefix, depth + 1));
        }

        if (schema.AnyOf.Count > 0)
        {
            clauses.Add("(" + string.Join(" or ", schema.AnyOf.Select(b => Describe(b, path, prefix, depth + 1))) + ")");
        }

        return clauses.Count == 0 ? "the schema's condition" : string.Join(" and ", clauses);
    }
}
