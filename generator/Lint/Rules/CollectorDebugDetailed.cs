using Generator.Facts;
using Generator.Findings;

namespace Generator.Lint.Rules;

/// <summary>
/// A debug exporter in a pipeline with <c>verbosity: detailed</c> writes every span with all its attributes to the
/// collector's log. Fine while wiring things up; in a running LlamaStack deployment it multiplies log volume and copies
/// prompt and response text from spans into the cluster's log store.
/// </summary>
public sealed class CollectorDebugDetailed : ILintRule
{
    public RuleInfo Info { get; } = new(
        "collector-debug-detailed",
        Severity.Info,
        "A debug exporter with verbosity: detailed logs every span in full.",
        "Use verbosity: basic (or normal) outside of troubleshooting, or remove the debug exporter from the pipeline.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var config in context.CollectorConfigs)
        {
            foreach (var definition in config.Definitions.Where(d => d.Kind == ComponentKind.Exporter && d.Id.Type == "debug" && config.IsUsed(d)))
            {
                if (definition.Body?.GetScalar("verbosity") is { Text: "detailed" } verbosity)
                {
                    yield return config.Report(Info, verbosity, definition.Path + ".verbosity",
                        $"{definition.Describe} in {config.Source} has verbosity: detailed, so the collector logs every span with all attributes (log volume, and LlamaStack prompt/response text in the logs)");
                }
            }
        }
    }
}
