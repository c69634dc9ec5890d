using Generator.Findings;
using Generator.Yaml;

namespace Generator.Schemas.Checks;

/// <summary>
/// <c>schema-null-dropped</c>: in a custom resource, a null value for a field without <c>nullable: true</c> is removed by the
/// API server before validation (and replaced by the default if the field has one). Usually an empty key left behind.
/// </summary>
internal static class NullDroppedCheck
{
    public static readonly RuleInfo Rule = new(
        "schema-null-dropped",
        Severity.Warning,
        "A null value for a field that is not nullable; the API server drops it before validating the object.",
        "Give the field a value or remove the key (an empty `key:` line is null).");

    public static void Report(ValidationRun run, YamlEntry entry, string path, bool defaulted, Mark fallback) =>
        run.Report(Rule, entry.Key.Start.Or(fallback), path,
            $"null value would be dropped: \"{entry.Key.Text}\" is not nullable, so the API server removes it before validation"
            + (defaulted ? " and fills in the schema's default" : string.Empty));
}
