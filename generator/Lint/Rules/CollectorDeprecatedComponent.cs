using Generator.Facts;
using Generator.Findings;

namespace Generator.Lint.Rules;

/// <summary>
/// A component type that the image's release renamed (<c>otlp</c> → <c>otlp_grpc</c> and <c>otlphttp</c> → <c>otlp_http</c>
/// since 0.144.0, <c>k8sattributes</c> → <c>k8s_attributes</c> since 0.146.0, <c>filelog</c> → <c>file_log</c> since 0.149.0).
/// The old name still works but logs a deprecation warning at every start, and deprecated aliases get removed later.
/// Skipped when the tag names no version, and for components the image lacks anyway (collector-component-not-in-image).
/// </summary>
public sealed class CollectorDeprecatedComponent : ILintRule
{
    public RuleInfo Info { get; } = new(
        "collector-deprecated-component",
        Severity.Warning,
        "A collector component uses a type name that the image's release deprecated in favour of a new name.",
        "Rename the component to the new type name (keeping its /name) and update every pipeline that references it.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var config in context.CollectorConfigs)
        {
            var collector = config.Collector;
            if (collector.Version is not { } version)
            {
                continue;
            }

            foreach (var definition in config.Definitions)
            {
                var missing = collector.Distribution is { } distribution && CollectorCatalog.IsCompletelyKnown(distribution)
                    && !CollectorCatalog.Contains(distribution, definition.Kind, definition.Id.Type);
                if (!missing && CollectorCatalog.DeprecatedAlias(definition.Kind, definition.Id.Type, version) is { } rename)
                {
                    var renamed = (definition.Id with { Type = rename.NewType }).ToString();
                    yield return config.Report(Info, definition.Key, definition.Path,
                        $"{definition.Describe} in {config.Source}: type {rename.OldType} is a deprecated alias of {rename.NewType} since collector {rename.Since} (image {collector.Image} is {version}); "
                        + $"rename it to \"{renamed}\" here and in service.pipelines");
                }
            }
        }
    }
}
