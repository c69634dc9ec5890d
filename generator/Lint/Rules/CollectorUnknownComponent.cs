using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;
using Generator.Spelling;

namespace Generator.Lint.Rules;

/// <summary>
/// A component type that no distribution in the catalog knows, typically a typo (<c>otlpp</c>, <c>helth_check</c>,
/// <c>bacth</c>). The collector unmarshals every section at start-up and exits with <c>unknown type: "…"</c>. Reported
/// for images whose component list the catalog knows completely (core, Red Hat); for contrib and k8s images, which
/// contain far more than the catalog lists, only when a known type is what was probably meant
/// (<see cref="Suggestions.Closest"/>). Types that are not even valid ids are left to collector-component-id.
/// </summary>
public sealed class CollectorUnknownComponent : ILintRule
{
    public RuleInfo Info { get; } = new(
        "collector-unknown-component",
        Severity.Error,
        "A collector component type is not known to any collector distribution (usually a typo).",
        "Correct the component's type to one the image contains (see the image's manifest of components), keeping its /name.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var config in context.CollectorConfigs)
        {
            var collector = config.Collector;
            foreach (var definition in config.Definitions.Where(d => d.Id.HasValidType && !CollectorCatalog.IsKnown(d.Kind, d.Id.Type)))
            {
                var suggestion = Suggestions.Closest(definition.Id.Type, CollectorCatalog.KnownTypes(definition.Kind));
                var complete = collector.Distribution is { } distribution && CollectorCatalog.IsCompletelyKnown(distribution);
                if (suggestion is null && !complete)
                {
                    continue;
                }

                var hint = suggestion is null ? string.Empty : $"; did you mean {suggestion}?";
                yield return config.Report(Info, definition.Key, definition.Path,
                    $"{definition.Describe} in {config.Source}: image {collector.Image} has no {CollectorConfigView.KindName(definition.Kind)} of type {definition.Id.Type}, "
                    + $"nor does any collector distribution this linter knows, so the collector fails at start-up with unknown type \"{definition.Id.Type}\"{hint}");
            }
        }
    }
}
