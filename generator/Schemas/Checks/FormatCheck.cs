using Generator.Findings;
using Generator.Json;
using Generator.Yaml;

namespace Generator.Schemas.Checks;

/// <summary>
/// <c>schema-format</c>: a string that does not match its <c>format</c> (date-time, duration, byte, ...; see
/// <see cref="Formats"/>), or, for built-in kinds, an integer outside its Go type (<c>int32</c>/<c>int64</c>), which the API
/// server fails to decode.
/// </summary>
internal static class FormatCheck
{
    public static readonly RuleInfo Rule = new(
        "schema-format",
        Severity.Error,
        "A value that does not match the schema's format (date-time, duration, base64 bytes, int32, ...).",
        "Write the value in the format named in the message, e.g. a duration as \"30s\" or base64 data as produced by `base64 -w0`.");

    public static void Check(ValidationRun run, YamlNode node, SchemaNode schema, string path, Mark mark)
    {
        if (schema.Format is not { } format || node is not YamlScalar scalar)
        {
            return;
        }

        if (scalar.Kind == ScalarKind.String)
        {
            if (Formats.Check(format, scalar.Text) is { } expected)
            {
                run.Report(Rule, mark, path, $"Invalid value: {YamlJson.Show(node)}: {expected} (format {format})");
            }

            return;
        }

        if (run.Flavor == SchemaFlavor.Native && scalar.Kind == ScalarKind.Integer && format == "int32" && scalar.AsInteger() is { } value
            && value is < int.MinValue or > int.MaxValue)
        {
            run.Report(Rule, mark, path, $"Invalid value: {scalar.Text}: must fit in a 32-bit integer (format int32)");
        }
        else if (run.Flavor == SchemaFlavor.Native && scalar.Kind == ScalarKind.Integer && !ScalarResolver.TryParseInteger(scalar.Text, out _))
        {
            run.Report(Rule, mark, path, $"Invalid value: {scalar.Text}: must fit in a 64-bit integer (format {format})");
        }
    }
}
