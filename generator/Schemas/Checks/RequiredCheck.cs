using Generator.Documents;
using Generator.Findings;
using Generator.Yaml;

namespace Generator.Schemas.Checks;

/// <summary>
/// <c>schema-required</c>: a required property is absent (or null, which the API server drops first). A property whose schema
/// has a default is never missing: the API server fills defaults in before it validates.
/// </summary>
internal static class RequiredCheck
{
    public static readonly RuleInfo Rule = new(
        "schema-required",
        Severity.Error,
        "A property the schema requires is missing; the API server rejects the object.",
        "Add the property with a valid value.");

    public static void Check(ValidationRun run, YamlMapping mapping, SchemaNode schema, string path, Mark mark)
    {
        foreach (var name in schema.Required)
        {
            var present = mapping.Find(name);
            var missing = present is null
                || (present.Value is YamlScalar { IsNull: true } && schema.Property(name) is not { Nullable: true });
            if (missing && schema.Property(name)?.Default is null)
            {
                Report(run, mark, FieldPath.Child(path, name), name, "is required");
            }
        }
    }

    public static void Report(ValidationRun run, Mark mark, string path, string name, string what) =>
        run.Report(Rule, mark, path, $"Required value: \"{name}\" {what}");
}
