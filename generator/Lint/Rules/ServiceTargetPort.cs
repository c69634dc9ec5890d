using Generator.Documents;
using Generator.Findings;
using Generator.Lint.Views;
using Generator.Spelling;
using Generator.Yaml;

namespace Generator.Lint.Rules;

/// <summary>
/// A Service port whose targetPort matches no container port of the pods it selects. A port name that no container
/// declares gives the Service no endpoints for that port (connections are refused). A number that is not among the ports
/// the containers declare usually means the Service points at the wrong port; containers that declare no ports at all
/// are not judged, since a number need not be declared to be reachable. A port name one or two edits from a declared one
/// (<c>otlp-htp</c>) is named in the message as the one meant.
/// </summary>
public sealed class ServiceTargetPort : ILintRule
{
    public RuleInfo Info { get; } = new(
        "service-target-port",
        Severity.Error,
        "A Service port's targetPort (a number or a port name) matches no container port of the selected pods.",
        "Set targetPort to the name or number of a containerPort of the selected pods, or declare that port in the container's ports.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var service in context.Services)
        {
            var selected = context.SelectedBy(service);
            var declared = selected.SelectMany(w => w.Containers).SelectMany(c => c.Ports).ToList();
            if (declared.Count == 0)
            {
                continue;
            }

            foreach (var port in service.Ports)
            {
                if (selected.Any(w => ServicePortTarget.Resolve(port, w) is { Container: not null }))
                {
                    continue;
                }

                var ports = string.Join(", ", declared.Select(p => p.Name is null ? $"{p.Number}" : $"{p.Number} ({p.Name})").Distinct());
                var meant = port.TargetPort?.AsInteger() is null
                    ? Suggestions.Closest(port.Target, declared.Select(p => p.Name).OfType<string>().Distinct(StringComparer.Ordinal), MisspeltReference.MaxEdits)
                    : null;
                yield return LintContext.Report(Info, service.Manifest, (YamlNode?)port.TargetPort ?? port.Node,
                    port.TargetPort is null ? port.Path : FieldPath.Child(port.Path, "targetPort"),
                    $"{service.Manifest.Ref} port {port.Port} targets \"{port.Target}\", which no container of {string.Join(", ", selected)} declares (their ports: {ports})"
                    + (meant is null ? string.Empty : $"; did you mean \"{meant}\"?"));
            }
        }
    }
}
