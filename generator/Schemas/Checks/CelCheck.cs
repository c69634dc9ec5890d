using Generator.Documents;
using Generator.Findings;
using Generator.Json;
using Generator.Schemas.Cel;
using Generator.Yaml;

namespace Generator.Schemas.Checks;

/// <summary>
/// <c>schema-cel</c>: an <c>x-kubernetes-validations</c> rule that evaluated to false (the message is the rule's own) or failed
/// at run time as it would in the API server (e.g. "no such key"). Rules outside our CEL subset go to
/// <see cref="CelNotEvaluatedCheck"/> instead; nothing is skipped silently.
/// </summary>
internal static class CelCheck
{
    public static readonly RuleInfo Rule = new(
        "schema-cel",
        Severity.Error,
        "An x-kubernetes-validations (CEL) rule of the schema rejects the value; the API server rejects the object.",
        "Change the object so the rule holds; the message is the rule author's explanation.");

    public static void Check(ValidationRun run, YamlNode node, SchemaNode schema, string path, Mark mark)
    {
        object? self = null;
        foreach (var rule in schema.Validations)
        {
            var (program, problem) = CelValues.Program(rule.Rule);
            if (program is null)
            {
                CelNotEvaluatedCheck.Report(run, rule, path, mark, problem!);
                continue;
            }

            object result;
            try
            {
                self ??= CelValues.From(node, schema);
                result = CelEvaluator.Evaluate(program, self);
            }
            catch (CelUnsupportedException ex)
            {
                CelNotEvaluatedCheck.Report(run, rule, path, mark, ex.Message);
                continue;
            }

            if (result is true)
            {
                continue;
            }

            var (target, targetMark) = Target(node, rule.FieldPath, path, mark);
            var message = result switch
            {
                false => rule.Message ?? (rule.MessageExpression is null ? "failed rule: " + rule.Rule : "failed rule: " + rule.Rule + " (messageExpression not evaluated)"),
                CelError error => $"rule {YamlJson.Quote(rule.Rule)} failed to evaluate: {error.Message}",
                _ => $"rule {YamlJson.Quote(rule.Rule)} did not evaluate to a bool",
            };
            run.Report(Rule, targetMark, target, $"{Reason(rule.Reason)}: {YamlJson.Show(node)}: {message}");
        }
    }

    private static string Reason(string? reason) => reason switch
    {
        "FieldValueRequired" => "Required value",
        "FieldValueForbidden" => "Forbidden",
        "FieldValueDuplicate" => "Duplicate value",
        _ => "Invalid value",
    };

    /// <summary>Where a rule with a <c>fieldPath</c> (".spec.x" or ".x['y']") points: its path and, if present, the node's mark.</summary>
    private static (string Path, Mark Mark) Target(YamlNode node, string? fieldPath, string path, Mark mark)
    {
        if (string.IsNullOrEmpty(fieldPath))
        {
            return (path, mark);
        }

        var current = node;
        var resultPath = path;
        var here = mark;
        foreach (var segment in fieldPath.Split(['.', '[', ']'], StringSplitOptions.RemoveEmptyEntries))
        {
            var key = segment.Trim('\'', '"');
            if (int.TryParse(key, out var index) && current is YamlSequence sequence)
            {
                resultPath = FieldPath.Index(resultPath, index);
                current = index < sequence.Count ? sequence[index] : null;
            }
            else
            {
                resultPath = FieldPath.Child(resultPath, key);
                var entry = (current as YamlMapping)?.Find(key);
                current = entry?.Value;
                if (entry is { Key.Start.IsKnown: true })
                {
                    here = entry.Key.Start;
                }
            }
        }

        return (resultPath, here);
    }
}
