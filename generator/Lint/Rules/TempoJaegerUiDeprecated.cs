using Generator.Facts;
using Generator.Findings;

namespace Generator.Lint.Rules;

/// <summary>
/// The Jaeger UI of a TempoMonolithic (<c>spec.jaegerui.enabled</c>) or TempoStack
/// (<c>spec.template.queryFrontend.jaegerQuery.enabled</c>) is deprecated since tempo-operator 0.22.0: the admission
/// webhook answers with a warning, and a later release removes it (operator-objects-facts.md §2j). The OpenShift
/// console's tracing UI replaces it for multi-tenant Tempo.
/// </summary>
public sealed class TempoJaegerUiDeprecated : ILintRule
{
    public RuleInfo Info { get; } = new(
        "tempo-jaeger-ui-deprecated",
        Severity.Warning,
        $"A Tempo enables the Jaeger UI, which tempo-operator {TempoFacts.JaegerUiDeprecatedSince} deprecates (its webhook warns on every apply).",
        "Use the OpenShift console's tracing UI (a UIPlugin distributed-tracing of the Cluster Observability Operator, with Tempo multi-tenant in mode openshift) and turn the Jaeger UI off, or accept the warning until the release that removes it.");

    public IEnumerable<Finding> Check(LintContext context) =>
        from tempo in context.Tempos
        where tempo.JaegerUiNode?.AsBoolean() == true
        select LintContext.Report(Info, tempo.Manifest, tempo.JaegerUiNode, TempoFacts.JaegerUiField(tempo.Kind),
            $"{tempo.Manifest.Ref} enables the Jaeger UI, which tempo-operator {TempoFacts.JaegerUiDeprecatedSince} deprecates: its webhook warns "
            + $"\"{TempoFacts.JaegerUiDeprecationWarning(tempo.Kind)}\"; the OpenShift console's tracing UI (UIPlugin {UiPluginFacts.DistributedTracingName}) replaces it");
}
