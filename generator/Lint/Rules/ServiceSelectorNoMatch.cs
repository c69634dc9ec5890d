using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// A Service whose selector matches no pod gets no endpoints: in a cluster every connection to it is refused (or hangs),
/// and for the collector's Service that means no span leaves the application. The pods are those of the workloads in the
/// Service's namespace and those the operators run there for their custom resources, with the labels each operator
/// gives them (OpenTelemetryCollector, LlamaStackDistribution, OGXServer, TempoMonolithic, each TempoStack component:
/// <see cref="Facts.OperatorPodLabels"/>). Namespaces without pods in the bundle are skipped (a partial bundle), and so is a
/// selector that may match pods whose label value cannot be told (an OpenTelemetryCollector's version label without
/// spec.image).
/// </summary>
public sealed class ServiceSelectorNoMatch : ILintRule
{
    public RuleInfo Info { get; } = new(
        "service-selector-no-match",
        Severity.Error,
        "A Service's selector matches the labels of no pods in its namespace (workloads' or operator-run), so the Service has no endpoints.",
        "Make spec.selector a subset of the labels of the pods the Service is for: the pod template labels (spec.template.metadata.labels) of a workload, or the labels its operator gives the pods of a custom resource.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var service in context.Services.Where(s => s.Selector is { Count: > 0 }))
        {
            var candidates = context.PodGroups.Where(g => service.SameNamespace(g.Namespace)).ToList();
            if (candidates.Count == 0 || candidates.Any(g => service.Match(g) != SelectorMatch.No))
            {
                continue;
            }

            var selector = service.SelectorPairs;
            var closest = candidates
                .Select(g => (Pods: g, Shared: selector.Count(e => g.Labels.GetValueOrDefault(e.Key) == e.Value)))
                .Where(c => c.Shared > 0)
                .OrderByDescending(c => c.Shared)
                .Select(c => c.Pods)
                .FirstOrDefault();
            var operated = candidates.Where(g => g.OperatorRun).Select(g => g.Owner.Ref.ToString()).Distinct().ToList();
            var message = $"{service.Manifest.Ref} selects {service.SelectorText}, which the pods of no workload in namespace {service.Namespace ?? "(any)"} carry"
                + (operated.Count == 0 ? string.Empty : $", nor those the operators run for {string.Join(", ", operated)}");
            if (closest is not null)
            {
                var differing = selector.Where(e => closest.Labels.GetValueOrDefault(e.Key) != e.Value)
                    .Select(e => $"{e.Key}={e.Value} (pods have {closest.Labels.GetValueOrDefault(e.Key) ?? "no such label"})");
                message += $"; closest is {closest.Description}: {string.Join(", ", differing)}";
            }

            yield return LintContext.Report(Info, service.Manifest, service.SelectorKey, "spec.selector", message);
        }
    }
}
