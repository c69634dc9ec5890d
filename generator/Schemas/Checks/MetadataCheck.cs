using Generator.Documents;
using Generator.Findings;
using Generator.Json;
using Generator.Yaml;

namespace Generator.Schemas.Checks;

/// <summary>
/// <c>schema-metadata</c>: the API server's ObjectMeta rules, which no schema expresses: a name (or generateName) is required;
/// names follow the kind's syntax (Service: DNS-1035 label, Namespace: DNS-1123 label, RBAC kinds: path segment, most others:
/// DNS-1123 subdomain); namespaces are DNS-1123 labels; label keys and annotation keys are qualified names; label values are
/// at most 63 characters of a restricted alphabet; annotations total at most 256 KiB.
/// </summary>
internal static class MetadataCheck
{
    public static readonly RuleInfo Rule = new(
        "schema-metadata",
        Severity.Error,
        "An object name, namespace, label or annotation that breaks the API server's metadata rules.",
        "Use lower-case alphanumerics and '-' for names (the message names the exact syntax), keep label values to 63 "
        + "characters of [A-Za-z0-9-_.] starting and ending alphanumeric, and use qualified names (prefix/name) for keys.");

    private const long TotalAnnotationSizeLimit = 256 * 1024;

    public static void Check(ValidationRun run, YamlMapping owner, string path, string apiVersion, string kind, bool requireName, Mark fallback)
    {
        var metadataPath = FieldPath.Child(path, "metadata");
        var entry = owner.Find("metadata");
        if (entry?.Value is not YamlMapping metadata)
        {
            if (requireName && entry?.Value is null or YamlScalar { IsNull: true })
            {
                run.Report(Rule, entry?.Key.Start.Or(fallback) ?? fallback, FieldPath.Child(metadataPath, "name"), "Required value: name or generateName is required");
            }

            return;
        }

        var here = entry.Key.Start.Or(fallback);
        var nameRule = NameValidation.ForKind(apiVersion, kind);
        var name = metadata.Find("name");
        var generateName = metadata.Find("generateName");
        if (name?.Value is YamlScalar { Kind: ScalarKind.String } nameValue)
        {
            Report(run, nameValue, FieldPath.Child(metadataPath, "name"), nameRule(nameValue.Text), here);
        }
        else if (requireName && generateName?.Value is not YamlScalar { Kind: ScalarKind.String })
        {
            run.Report(Rule, here, FieldPath.Child(metadataPath, "name"), "Required value: name or generateName is required");
        }

        if (generateName?.Value is YamlScalar { Kind: ScalarKind.String } prefix && prefix.Text.Length > 0)
        {
            // generateName is a prefix: the server appends random characters, so a trailing '-' is fine.
            var masked = prefix.Text.EndsWith('-') ? prefix.Text[..^1] + "a" : prefix.Text;
            Report(run, prefix, FieldPath.Child(metadataPath, "generateName"), nameRule(masked), here);
        }

        if (metadata.Find("namespace")?.Value is YamlScalar { Kind: ScalarKind.String } ns && ns.Text.Length > 0)
        {
            Report(run, ns, FieldPath.Child(metadataPath, "namespace"), NameValidation.IsDns1123Label(ns.Text), here);
        }

        if (metadata.Find("labels")?.Value is YamlMapping labels)
        {
            var labelsPath = FieldPath.Child(metadataPath, "labels");
            foreach (var label in labels.Entries)
            {
                Report(run, label.Key, labelsPath, NameValidation.IsQualifiedName(label.Key.Text), here);
                if (label.Value is YamlScalar { Kind: ScalarKind.String } value)
                {
                    Report(run, value, FieldPath.Child(labelsPath, label.Key.Text), NameValidation.IsValidLabelValue(value.Text), here);
                }
            }
        }

        if (metadata.Find("annotations")?.Value is YamlMapping annotations)
        {
            var annotationsPath = FieldPath.Child(metadataPath, "annotations");
            long total = 0;
            foreach (var annotation in annotations.Entries)
            {
                Report(run, annotation.Key, annotationsPath, NameValidation.IsQualifiedName(annotation.Key.Text.ToLowerInvariant()), here);
                total += annotation.Key.Text.Length + (annotation.Value is YamlScalar s ? s.Text.Length : 0);
            }

            if (total > TotalAnnotationSizeLimit)
            {
                run.Report(Rule, annotations.Start.Or(here), annotationsPath, $"Too long: annotations total {total} bytes, more than the limit of {TotalAnnotationSizeLimit}");
            }
        }
    }

    private static void Report(ValidationRun run, YamlScalar value, string path, List<string> problems, Mark fallback)
    {
        if (problems.Count > 0)
        {
            run.Report(Rule, value.Start.Or(fallback), path, $"Invalid value: {YamlJson.Quote(value.Text)}: {string.Join("; ", problems)}");
        }
    }
}
