using System.Globalization;
using Generator.Findings;
using Generator.Json;
using Generator.Yaml;

namespace Generator.Schemas.Checks;

/// <summary>
/// <c>schema-range</c>: <c>minLength</c>/<c>maxLength</c> (in characters), <c>minItems</c>/<c>maxItems</c>,
/// <c>minimum</c>/<c>maximum</c> (optionally exclusive), <c>multipleOf</c> and <c>minProperties</c>/<c>maxProperties</c>.
/// </summary>
internal static class RangeCheck
{
    public static readonly RuleInfo Rule = new(
        "schema-range",
        Severity.Error,
        "A value, string length, list length or map size outside the schema's bounds; the API server rejects the object.",
        "Bring the value within the bounds given in the message.");

    public static void Check(ValidationRun run, YamlNode node, SchemaNode schema, string path, Mark mark)
    {
        switch (node)
        {
            case YamlScalar { Kind: ScalarKind.String } s:
                var length = s.Text.EnumerateRunes().Count();
                if (schema.MaxLength is { } maxLength && length > maxLength)
                {
                    run.Report(Rule, mark, path, $"Too long: may not be longer than {maxLength} characters (it has {length})");
                }

                if (schema.MinLength is { } minLength && length < minLength)
                {
                    run.Report(Rule, mark, path, $"Invalid value: {YamlJson.Show(s)}: should be at least {minLength} characters long");
                }

                break;
            case YamlScalar { Kind: ScalarKind.Integer or ScalarKind.Float } n when n.AsNumber() is { } value:
                if (schema.Maximum is { } maximum && (schema.ExclusiveMaximum ? value >= maximum : value > maximum))
                {
                    run.Report(Rule, mark, path, $"Invalid value: {n.Text}: must be less than {(schema.ExclusiveMaximum ? string.Empty : "or equal to ")}{Number(maximum)}");
                }

                if (schema.Minimum is { } minimum && (schema.ExclusiveMinimum ? value <= minimum : value < minimum))
                {
                    run.Report(Rule, mark, path, $"Invalid value: {n.Text}: must be greater than {(schema.ExclusiveMinimum ? string.Empty : "or equal to ")}{Number(minimum)}");
                }

                if (schema.MultipleOf is { } factor && factor > 0 && Math.Abs(Math.IEEERemainder(value, factor)) > 1e-9 * Math.Max(1, Math.Abs(value)))
                {
                    run.Report(Rule, mark, path, $"Invalid value: {n.Text}: must be a multiple of {Number(factor)}");
                }

                break;
            case YamlSequence sequence:
                if (schema.MaxItems is { } maxItems && sequence.Count > maxItems)
                {
                    run.Report(Rule, mark, path, $"Too many: {sequence.Count}: must have at most {maxItems} items");
                }

                if (schema.MinItems is { } minItems && sequence.Count < minItems)
                {
                    run.Report(Rule, mark, path, $"Invalid value: {sequence.Count}: must have at least {minItems} items");
                }

                if (schema.UniqueItems && sequence.Items.OfType<YamlScalar>().GroupBy(s => (s.Kind, s.Text)).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
                {
                    run.Report(Rule, mark, path, $"Duplicate value: {YamlJson.Show(duplicate.First())}: items must be unique");
                }

                break;
            case YamlMapping mapping:
                if (schema.MaxProperties is { } maxProperties && mapping.Count > maxProperties)
                {
                    run.Report(Rule, mark, path, $"Too many: {mapping.Count}: must have at most {maxProperties} properties");
                }

                if (schema.MinProperties is { } minProperties && mapping.Count < minProperties)
                {
                    run.Report(Rule, mark, path, $"Invalid value: {mapping.Count}: must have at least {minProperties} properties");
                }

                break;
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
