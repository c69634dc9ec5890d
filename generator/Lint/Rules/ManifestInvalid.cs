using Generator.Output;

namespace Generator.Lint.Rules;

/// <summary>A YAML document that is not a Kubernetes object.</summary>
public sealed class ManifestInvalid : ILintRule
{
    public RuleInfo Info { get; } = new(
        "manifest-invalid",
        Severity.Error,
        "A document is not a Kubernetes object (not a mapping, or without apiVersion or kind).",
        "Give every document apiVersion, kind and metadata, or move non-Kubernetes YAML out of the linted paths.");

    public IEnumerable<Finding> Check(LintContext context) =>
        context.InvalidDocuments.Select(d => Finding.At(Info.Id, Info.DefaultSeverity, d.Document.File, d.Document.Start, string.Empty, d.Problem));
}
