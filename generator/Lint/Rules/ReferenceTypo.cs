using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// A name that misses an object of its namespace by a typo: a volume, env source or OTLP endpoint host naming a
/// ConfigMap, Secret or Service that the namespace does not have in the linted files, one or two edits from one it has
/// (<see cref="MisspeltReference"/>). Where the bundle holds the namespace's objects of that kind, that is not a partial
/// bundle but a mistake the cluster will show as a pod stuck in ContainerCreating or spans that never arrive, so it is
/// an error, while the same reference with no near miss stays the warning of volume-source-missing or
/// otlp-endpoint-unresolved (those rules, patch-configmap-orphan, collector-config-source and collector-exporter-tempo
/// leave these references to this rule: one mistake, one finding, which says when the object meant is otherwise
/// unused). Its severity is configured like any rule's; turning it off silences these references, so lower it to
/// warning rather than off to keep them visible.
/// </summary>
public sealed class ReferenceTypo : ILintRule
{
    public RuleInfo Info { get; } = new(
        "reference-typo",
        Severity.Error,
        "A volume, env source or OTLP endpoint names a ConfigMap, Secret or Service missing from its namespace in the linted files, one or two edits from one that is there.",
        "Fix the name to the object suggested (or add the object it names). Severity is configurable in .tracinglint.yaml; prefer warning to off, since this rule also stands for the missing-object and orphan findings of the same reference.");

    public IEnumerable<Finding> Check(LintContext context) =>
        context.MisspeltReferences.Select(m => Finding.At(Info.Id, Info.DefaultSeverity, m.Reference.File, m.Reference.Node, m.Reference.Path, Message(m)));

    private static string Message(MisspeltReference misspelt)
    {
        var (reference, meant) = (misspelt.Reference, misspelt.Meant);
        var where = reference.Namespace is null ? "in the linted files" : $"of namespace {reference.Namespace} in the linted files";
        var unused = misspelt.MeantOtherwiseUnused ? ", which is otherwise unused" : string.Empty;
        var consequence = reference.Kind == "Service"
            ? "in the cluster the host does not resolve, so no span arrives"
            : $"the pod cannot start until {reference.Kind} {reference.Name} exists";
        return $"{reference.Subject} names {reference.Kind} {reference.Name}, which is not among the {reference.Kind}s {where}; did you mean {meant}{unused}? {Capitalized(consequence)}";
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
