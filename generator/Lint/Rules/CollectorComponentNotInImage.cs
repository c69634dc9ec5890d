using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// A component type the collector image does not contain: a contrib-only component (k8sattributes, bearertokenauth,
/// transform …) on the core image, or a new type name on a release older than the rename that introduced it
/// (otlp_grpc before 0.144.0). Every section is unmarshalled at start-up, used or not, so the collector exits with
/// <c>unknown type: "…"</c>. Distribution checks only run where the catalog knows the full component list (and an OpenTelemetryCollector names
/// its image).
/// </summary>
public sealed class CollectorComponentNotInImage : ILintRule
{
    public RuleInfo Info { get; } = new(
        "collector-component-not-in-image",
        Severity.Error,
        "A collector component type is not built into the container's image (distribution or release).",
        "Use an image that contains the component (the contrib or k8s distribution for contrib components, a release at or after a rename for new type names), or use the type name the image knows.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var config in context.CollectorConfigs)
        {
            var collector = config.Collector;
            var distribution = collector.Distribution;
            foreach (var definition in config.Definitions)
            {
                var type = definition.Id.Type;
                var rename = CollectorCatalog.RenameTo(definition.Kind, type);
                if (collector.Version is { } version && rename is not null && version < rename.Since)
                {
                    yield return config.Report(Info, definition.Key, definition.Path,
                        $"{definition.Describe} in {config.Source}: type {type} exists since collector {rename.Since} (the new name of {rename.OldType}), but image {collector.Image} is {version} "
                        + $"and fails at start-up with unknown type \"{type}\"; use {rename.OldType} on this version");
                }
                else if (distribution is { } known && collector.Reference is { } reference && CollectorCatalog.IsCompletelyKnown(known)
                    && CollectorCatalog.IsKnown(definition.Kind, type) && !CollectorCatalog.Contains(known, definition.Kind, type))
                {
                    yield return config.Report(Info, definition.Key, definition.Path,
                        $"{definition.Describe} in {config.Source}: image {collector.Image} ({known} distribution) has no {CollectorConfigView.KindName(definition.Kind)} of type {type}, "
                        + $"so the collector fails at start-up with unknown type \"{type}\"; use an image that contains it, e.g. {ContribImage(reference)}");
                }
            }
        }
    }

    private static string ContribImage(ImageReference reference)
    {
        var (repository, tag, _) = reference;
        var contrib = repository.EndsWith("/opentelemetry-collector", StringComparison.Ordinal)
            ? repository + "-contrib"
            : "otel/opentelemetry-collector-contrib";
        return $"{contrib}:{tag ?? CollectorCatalog.Pinned.ToString()}";
    }
}
