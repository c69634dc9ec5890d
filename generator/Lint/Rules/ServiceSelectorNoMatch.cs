using Generator.Findings;
using Generator.Yaml;

namespace Generator.Lint.Rules;

/// <summary>
/// A Service whose selector matches no pod gets no endpoints: in a cluster every connection to it is refused (or hangs),
/// and for the collector's Service that means no span leaves the application. Namespaces without workloads in the bundle
/// are skipped (a partial bundle); where an operator labels pods itself (LlamaStackDistribution, TempoMonolithic), only a
/// selector that evidently aims at a workload of the bundle (shares a label with it) is reported.
/// </summary>
public sealed class ServiceSelectorNoMatch : ILintRule
{
    public RuleInfo Info { get; } = new(
        "service-selector-no-match",
        Severity.Error,
        "A Service's selector matches the pod labels of no workload in its namespace, so the Service has no endpoints.",
        "Make spec.selector a subset of the pod template labels (spec.template.metadata.labels) of the workload the Service is for.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var service in context.Services.Where(s => s.Selector is { Count: > 0 }))
        {
            var candidates = context.WorkloadsIn(service.Namespace).ToList();
            if (candidates.Count == 0 || context.SelectedBy(service).Count > 0)
            {
                continue;
            }

            var selector = service.Selector!.Entries.Select(e => (Key: e.Key.Text, Value: (e.Value as YamlScalar)?.Text)).ToList();
            var closest = candidates
                .Where(w => w.PodLabels is not null)
                .Select(w => (Workload: w, Shared: selector.Count(e => w.PodLabels!.GetString(e.Key) == e.Value)))
                .Where(c => c.Shared > 0)
                .OrderByDescending(c => c.Shared)
                .Select(c => c.Workload)
                .FirstOrDefault();
            var operatorPods = candidates.Any(w => w.PodLabels is null) || context.Tempos.Any(t => service.SameNamespace(t.Namespace));
            if (closest is null && operatorPods)
            {
                continue;
            }

            var message = $"{service.Manifest.Ref} selects {Labels(selector)}, which the pods of no workload in namespace {service.Namespace ?? "(any)"} carry";
            if (closest is not null)
            {
                var differing = selector.Where(e => closest.PodLabels!.GetString(e.Key) != e.Value)
                    .Select(e => $"{e.Key}={e.Value} (pods have {closest.PodLabels!.GetString(e.Key) ?? "no such label"})");
                message += $"; closest is {closest}: {string.Join(", ", differing)}";
            }

            yield return LintContext.Report(Info, service.Manifest, service.Manifest.Spec!.Find("selector")!.Key, "spec.selector", message);
        }
    }

    private static string Labels(IEnumerable<(string Key, string? Value)> labels) => string.Join(",", labels.Select(l => $"{l.Key}={l.Value}"));
}
