using Generator.Facts;
using Generator.Findings;

namespace Generator.Lint.Rules;

/// <summary>
/// A component type removed in the image's release (the <c>logging</c> exporter since 0.111.0, <c>opencensus</c> since
/// 0.132.0). Old tutorials still show them; on a current image the collector exits at start-up ("the logging exporter
/// has been deprecated, use the debug exporter instead"). Skipped when the image tag names no version.
/// </summary>
public sealed class CollectorRemovedComponent : ILintRule
{
    public RuleInfo Info { get; } = new(
        "collector-removed-component",
        Severity.Error,
        "A collector component type was removed in the image's release.",
        "Replace the component with its successor (e.g. the logging exporter with debug) and update the pipelines that reference it.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var config in context.CollectorConfigs)
        {
            if (config.Collector.Version is not { } version)
            {
                continue;
            }

            foreach (var definition in config.Definitions)
            {
                if (CollectorCatalog.Removal(definition.Kind, definition.Id.Type, version) is { } removal)
                {
                    yield return config.Report(Info, definition.Key, definition.Path,
                        $"{definition.Describe} in {config.Source}: type {removal.Type} was removed in collector {removal.RemovedIn}, and image {config.Collector.Image} is {version}, "
                        + $"so the collector fails at start-up; use {removal.Replacement} instead");
                }
            }
        }
    }
}
