using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// A probe of the collector container targets a port where nothing in the collector's config listens, e.g. a liveness
/// probe on 13133 with no health_check extension in service.extensions, or with health_check moved to another port.
/// The kubelet's connection is refused: a failing liveness probe restarts the collector forever, a failing readiness
/// probe keeps it out of its Service so LlamaStack's spans have nowhere to go. An OpenTelemetryCollector's probes are
/// the operator's, derived from its health_check extension (operator-objects-facts.md §1d), so they cannot miss it.
/// </summary>
public sealed class ProbePortNotListening : ILintRule
{
    public RuleInfo Info { get; } = new(
        "probe-port-not-listening",
        Severity.Error,
        "A probe of the collector container targets a port where no receiver or extension of its config listens.",
        "Point the probe at the health_check extension's port (enable the extension and list it in service.extensions, with endpoint 0.0.0.0:13133), or change the probe's port to one the config listens on.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var config in context.CollectorConfigs)
        {
            var listeners = config.Listeners().ToList();
            if (listeners.Any(l => l.Port is null))
            {
                continue;
            }

            var collector = config.Collector;
            foreach (var probe in collector.Container.Probes)
            {
                if (config.ResolvePort(probe.Port.Text) is not { } port || listeners.Any(l => l.Port == port))
                {
                    continue;
                }

                var open = string.Join(", ", listeners.Select(l => $"{l.Owner} on {l.Port}"));
                var healthCheck = config.Definitions.FirstOrDefault(d => d.Id.Type == CollectorCatalog.HealthCheckType);
                var hint = healthCheck is not null && !config.IsUsed(healthCheck) ? $"; {healthCheck.Describe} is defined but not listed in service.extensions" : string.Empty;
                yield return LintContext.Report(Info, collector.Workload.Manifest, probe.Port, probe.Path + ".port",
                    $"the {probe.Kind} of container \"{collector.Container.Name}\" ({collector.Workload}) targets port {PortText(probe, port)}, where nothing in {config.Source} listens "
                    + $"(listening: {open}){hint}; {Consequence(probe.Kind)}");
            }
        }
    }

    private static string PortText(ProbeView probe, long port) => probe.Port.AsInteger() is null ? $"\"{probe.Port.Text}\" ({port})" : port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Consequence(string kind) => kind switch
    {
        "livenessProbe" => "the kubelet restarts the collector over and over",
        "readinessProbe" => "the pod never becomes Ready and its Service sends it no traffic",
        _ => "the container never finishes starting",
    };
}
