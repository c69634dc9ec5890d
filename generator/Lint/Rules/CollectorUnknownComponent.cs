using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// A component type that no distribution in the catalog knows, typically a typo (<c>otlpp</c>, <c>helth_check</c>,
/// <c>bacth</c>). The collector unmarshals every section at start-up and exits with <c>unknown type: "…"</c>. Reported
/// for images whose component list the catalog knows completely (core, Red Hat); for contrib and k8s images, which
/// contain far more than the catalog lists, only when one edit turns the type into a known one. Types that are not even
/// valid ids are left to collector-component-id.
/// </summary>
public sealed class CollectorUnknownComponent : ILintRule
{
    private const string TypeAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789_";

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
                var suggestion = OneEditAway(definition.Id.Type).FirstOrDefault(t => CollectorCatalog.IsKnown(definition.Kind, t));
                var complete = CollectorCatalog.IsCompletelyKnown(collector.Distribution);
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

    /// <summary>The lower-cased type and every string one deletion, transposition, substitution or insertion away from it (Norvig's spelling corrector).</summary>
    private static IEnumerable<string> OneEditAway(string type)
    {
        var word = type.ToLowerInvariant();
        yield return word;
        for (var i = 0; i <= word.Length; i++)
        {
            var (left, right) = (word[..i], word[i..]);
            if (right.Length > 0)
            {
                yield return left + right[1..];
            }

            if (right.Length > 1)
            {
                yield return left + right[1] + right[0] + right[2..];
            }

            foreach (var c in TypeAlphabet)
            {
                if (right.Length > 0)
                {
                    yield return left + c + right[1..];
                }

                yield return left + c + right;
            }
        }
    }
}
