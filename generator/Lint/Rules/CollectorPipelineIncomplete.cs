using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;
using Generator.Yaml;

namespace Generator.Lint.Rules;

/// <summary>
/// The service section cannot run: no pipelines at all, a pipeline without receivers or without exporters, or the same
/// processor twice in one pipeline. The collector's start-up validation rejects each of these
/// (service/pipelines/config.go), so the pod crash-loops and traces sent to it are refused.
/// </summary>
public sealed class CollectorPipelineIncomplete : ILintRule
{
    public RuleInfo Info { get; } = new(
        "collector-pipeline-incomplete",
        Severity.Error,
        "The collector config has no pipelines, a pipeline without receivers or exporters, or a processor listed twice in one pipeline.",
        "Give service.pipelines at least one pipeline (e.g. traces) listing at least one receiver and one exporter, and list each processor once per pipeline.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var config in context.CollectorConfigs)
        {
            if (config.Pipelines.Count == 0)
            {
                var service = config.Root.Find("service");
                var pipelines = (service?.Value as YamlMapping)?.Find("pipelines");
                yield return config.Report(Info, pipelines?.Key ?? service?.Key, "service.pipelines",
                    $"{config.Source} defines no pipelines under service.pipelines; the collector refuses to start (\"service must have at least one pipeline\")");
                continue;
            }

            foreach (var pipeline in config.Pipelines)
            {
                foreach (var role in new[] { ComponentKind.Receiver, ComponentKind.Exporter })
                {
                    if (!config.References.Any(r => r.Pipeline == pipeline && r.Role == role))
                    {
                        yield return config.Report(Info, pipeline.Key, pipeline.Path,
                            $"pipeline \"{pipeline.Key.Text}\" in {config.Source} has no {CollectorCatalog.SectionOf(role)}; the collector refuses to start (\"must have at least one {CollectorConfigView.KindName(role)}\")");
                    }
                }

                var processors = config.References.Where(r => r.Pipeline == pipeline && r.Role == ComponentKind.Processor);
                foreach (var repeat in processors.GroupBy(r => r.Id).SelectMany(g => g.Skip(1)))
                {
                    yield return config.Report(Info, repeat.Node, repeat.Path,
                        $"pipeline \"{pipeline.Key.Text}\" in {config.Source} lists processor \"{repeat.Node.Text}\" twice; the collector refuses to start (a processor may appear once per pipeline)");
                }
            }
        }
    }
}
