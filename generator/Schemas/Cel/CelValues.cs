using System.Collections.Concurrent;
using System.Globalization;
using Generator.Json;
using Generator.Yaml;

namespace Generator.Schemas.Cel;

/// <summary>A CEL map value; keys compare with CEL equality (so <c>1</c>, <c>1u</c> and <c>1.0</c> are one key).</summary>
internal sealed class CelMap
{
    public CelMap(Dictionary<object, object> entries) => Entries = entries;

    public Dictionary<object, object> Entries { get; }

    public static Dictionary<object, object> NewDictionary() => new(CelKeyComparer.Instance);

    private sealed class CelKeyComparer : IEqualityComparer<object>
    {
        public static readonly CelKeyComparer Instance = new();

        public new bool Equals(object? x, object? y) => x is not null && y is not null && CelEvaluator.ValueEquals(x, y);

        public int GetHashCode(object obj) => obj switch
        {
            long l => ((double)l).GetHashCode(),
            ulong u => ((double)u).GetHashCode(),
            double d => d.GetHashCode(),
            _ => obj.GetHashCode(),
        };
    }
}

/// <summary>Builds CEL values from (already defaulted) YAML trees, names and shows values for messages, and caches parsed rules per process.</summary>
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

    /// <summary>CEL's name of a value's type, as error messages give it.</summary>
    public static string TypeName(object value) => value switch
    {
        bool => "bool",
        long => "int",
        ulong => "uint",
        double => "double",
        string => "string",
        byte[] => "bytes",
        List<object> => "list",
        CelMap => "map",
        CelNull => "null_type",
        _ => value.GetType().Name,
    };

    /// <summary>A value as error messages show it: strings quoted.</summary>
    public static string Show(object value) => value is string s ? YamlJson.Quote(s) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?";
}
