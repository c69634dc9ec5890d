using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// A pipeline or <c>service.extensions</c> names a component id that its section does not define. The collector
/// validates references before starting anything, so the pod exits with "references … which is not configured" and
/// no span is received at all. Connectors may stand in for receivers and exporters.
/// </summary>
public sealed class CollectorUndefinedComponent : ILintRule
{
    public RuleInfo Info { get; } = new(
        "collector-undefined-component",
        Severity.Error,
        "A pipeline or service.extensions references a component id that is not defined in the config.",
        "Define the component under its section (receivers, processors, exporters, extensions or connectors) with exactly the id the service section uses, or correct the reference.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var config in context.CollectorConfigs)
        {
            foreach (var reference in config.References.Where(r => !config.Definitions.Any(d => d.Id == r.Id && CollectorConfigView.Fills(d.Kind, r.Role))))
            {
                var section = CollectorCatalog.SectionOf(reference.Role);
                var defined = config.Definitions.Where(d => CollectorConfigView.Fills(d.Kind, reference.Role)).Select(d => d.Key.Text).ToList();
                var user = reference.Pipeline is { } pipeline ? $"pipeline \"{pipeline.Key.Text}\"" : "service.extensions";
                var also = reference.Role is ComponentKind.Receiver or ComponentKind.Exporter ? " or connectors" : string.Empty;
                yield return config.Report(Info, reference.Node, reference.Path,
                    $"{user} lists {CollectorConfigView.KindName(reference.Role)} \"{reference.Node.Text}\", which {config.Source} does not define under {section}{also} "
                    + $"(defined: {(defined.Count == 0 ? "none" : string.Join(", ", defined))}); the collector refuses to start");
            }
        }
    }
}
