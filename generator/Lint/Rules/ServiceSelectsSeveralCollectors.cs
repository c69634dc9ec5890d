using Generator.Facts;
using Generator.Findings;

namespace Generator.Lint.Rules;

/// <summary>
/// A Service of the user's whose selector matches the pods of several OpenTelemetryCollectors, typically one that
/// selects only the labels the operator gives every collector (<c>app.kubernetes.io/component: opentelemetry-collector</c>,
/// <c>managed-by: opentelemetry-operator</c>). Each connection lands on whichever collector's pod answers, so the spans
/// of one application are split between pipelines that may export to different places, and traces arrive in pieces.
/// </summary>
public sealed class ServiceSelectsSeveralCollectors : ILintRule
{
    public RuleInfo Info { get; } = new(
        "service-selects-several-collectors",
        Severity.Warning,
        "A Service's selector matches the pods of several operator-managed collectors, so spans land on whichever collector answers.",
        "Select one collector's pods (add app.kubernetes.io/instance: <namespace>.<name>, the operator's value), or send to the Service the operator creates for that collector (<name>-collector).");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var service in context.Services)
        {
            var collectors = context.SelectedBy(service).Where(w => w.Manifest.Kind == OpenTelemetryOperatorFacts.Kind).ToList();
            if (collectors.Count < 2)
            {
                continue;
            }

            yield return LintContext.Report(Info, service.Manifest, service.SelectorKey, "spec.selector",
                $"{service.Manifest.Ref} selects {service.SelectorText}, which the pods of {collectors.Count} OpenTelemetryCollectors carry ({string.Join(", ", collectors)}): "
                + "each connection lands on whichever collector's pod answers, so spans are split between their pipelines; "
                + $"select one of them (e.g. {KubernetesLabels.Instance}: {collectors[0].Namespace}.{collectors[0].Manifest.Name}) or send to the Service the operator creates for it");
        }
    }
}
