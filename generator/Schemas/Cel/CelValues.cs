using System.Collections.Concurrent;
using Generator.Yaml;

namespace Generator.Schemas.Cel;

/// <summary>Builds CEL values from (already defaulted) YAML trees, and caches parsed rules per process.</summary>
internal static class CelValues
{
    private static readonly ConcurrentDictionary<string, Lazy<(CelExpr? Expr, string? Problem)>> Programs = new(StringComparer.Ordinal);

    /// <summary>The parsed rule, or the reason it cannot be evaluated (syntax error or a construct outside our subset).</summary>
    public static (CelExpr? Expr, string? Problem) Program(string rule) =>
        Programs.GetOrAdd(rule, r => new Lazy<(CelExpr?, string?)>(() => Compile(r))).Value;

    private const int MaxRuleLength = 10_000;

    private static (CelExpr?, string?) Compile(string rule)
    {
        if (rule.Length > MaxRuleLength)
        {
            return (null, $"the rule is longer than {MaxRuleLength} characters");
        }

        try
        {
            return (CelParser.Parse(rule), null);
        }
        catch (CelUnsupportedException ex)
        {
            return (null, ex.Message);
        }
        catch (CelSyntaxException ex)
        {
            return (null, "the rule does not parse: " + ex.Message);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return (null, "the rule does not parse: " + ex.Message);
        }
    }

    /// <summary>The CEL value of a node, typed by its schema (int-or-string, numbers) where the schema knows better than YAML.</summary>
    public static object From(YamlNode node, SchemaNode? schema)
    {
        switch (node)
        {
            case YamlMapping mapping:
                var entries = CelMap.NewDictionary();
                foreach (var entry in mapping.Entries)
                {
                    var child = schema?.Property(entry.Key.Text) ?? schema?.AdditionalProperties;
                    entries[entry.Key.Text] = From(entry.Value, child);
                }

                return new CelMap(entries);
            case YamlSequence sequence:
                return sequence.Items.Select(item => From(item, schema?.Items)).ToList();
            case YamlScalar scalar:
                return scalar.Kind switch
                {
                    ScalarKind.Null => CelNull.Value,
                    ScalarKind.Boolean => scalar.AsBoolean() ?? false,
                    ScalarKind.Integer when schema?.Types is ["number"] => (double)(scalar.AsInteger() ?? 0),
                    ScalarKind.Integer => scalar.AsInteger() ?? 0L,
                    ScalarKind.Float when schema?.Types is ["integer"] && scalar.AsNumber() is { } d && Math.Floor(d) == d => (long)d,
                    ScalarKind.Float => scalar.AsNumber() ?? double.NaN,
                    _ => scalar.Text,
                };
            default:
                return CelNull.Value;
        }
    }
}
