using Generator.Facts;
using Generator.Findings;

namespace Generator.Lint.Rules;

/// <summary>
/// A component is defined but no pipeline (or, for an extension, <c>service.extensions</c>) uses it. The collector
/// starts fine but never runs it: a receiver that opens no port, an exporter that sends nothing, a health_check that
/// answers no probe. Usually a forgotten list entry, and the reason "the config looks right but nothing arrives".
/// </summary>
public sealed class CollectorUnusedComponent : ILintRule
{
    public RuleInfo Info { get; } = new(
        "collector-unused-component",
        Severity.Warning,
        "A collector component is defined but no pipeline (or service.extensions) uses it, so it never runs.",
        "Add the component's id to the pipeline (or to service.extensions) that should run it, or delete its definition.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var config in context.CollectorConfigs)
        {
            foreach (var definition in config.Definitions.Where(d => !config.IsUsed(d)))
            {
                var where = definition.Kind == ComponentKind.Extension ? "service.extensions does not list it" : "no pipeline in service.pipelines uses it";
                yield return config.Report(Info, definition.Key, definition.Path,
                    $"{definition.Describe} is defined in {config.Source} but {where}, so the collector never starts it");
            }
        }
    }
}
