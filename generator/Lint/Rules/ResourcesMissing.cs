using Generator.Findings;

namespace Generator.Lint.Rules;

/// <summary>
/// A container without CPU and memory requests is scheduled as if it needed nothing and is the first to be evicted under
/// pressure; without limits it can take a node's memory (the collector buffering a burst of spans, LlamaStack loading a
/// model) until the kernel kills something else. Quota-enforcing namespaces reject such pods outright.
/// </summary>
public sealed class ResourcesMissing : ILintRule
{
    public RuleInfo Info { get; } = new(
        "resources-missing",
        Severity.Warning,
        "A container does not set CPU and memory requests and limits.",
        "Set resources.requests and resources.limits for cpu and memory on every container (containerSpec.resources for a LlamaStackDistribution, spec.workload.resources for an OGXServer).");

    public IEnumerable<Finding> Check(LintContext context) =>
        from workload in context.Workloads
        from container in workload.AllContainers
        let missing = (from section in new[] { "requests", "limits" }
                       from resource in new[] { "cpu", "memory" }
                       where container.Resources?.GetMapping(section)?.GetScalar(resource) is not { IsNull: false }
                       select $"{section}.{resource}").ToList()
        where missing.Count > 0
        let location = container.ResourcesLocation
        select LintContext.Report(Info, workload.Manifest, location.Node, location.Path,
            $"container \"{container.Name}\" of {workload} sets no {string.Join(", ", missing)}");
}
