using Generator.Findings;
using Generator.Yaml;

namespace Generator.Schemas.Checks;

/// <summary>
/// <c>schema-unknown-kind</c>: no schema is known for the document's apiVersion and kind, so nothing about it was validated.
/// A warning by default; an error with strict kinds (and when a schema exists but cannot be loaded).
/// </summary>
internal static class UnknownKindCheck
{
    public static readonly RuleInfo Rule = new(
        "schema-unknown-kind",
        Severity.Warning,
        "No schema is known for the document's apiVersion and kind, so its fields were not validated.",
        "Check the apiVersion and kind for typos; for a custom resource, import its CRD with `schemas import` "
        + "(e.g. `kubectl get crd NAME -o yaml | generator schemas import -`).");

    public static Finding Create(string file, YamlMapping root, string apiVersion, string kind, bool strict, string? loadError)
    {
        var node = root.Find("kind")?.Value ?? root.Find("apiVersion")?.Value ?? root;
        var message = loadError is null
            ? $"no schema for apiVersion \"{apiVersion}\" kind \"{kind}\": its fields were not validated (import the CRD with `schemas import`)"
            : $"the schema for apiVersion \"{apiVersion}\" kind \"{kind}\" could not be loaded: {loadError}";
        var severity = strict || loadError is not null ? Severity.Error : Rule.DefaultSeverity;
        return Finding.At(Rule.Id, severity, file, node.Start, "kind", message);
    }
}
