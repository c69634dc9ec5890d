using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// A receiver protocol or listener extension (health_check, zpages, pprof) binds localhost while a Service port or a
/// probe targets its port. Traffic from other pods and the kubelet's probes arrive on the pod IP, so they are refused:
/// LlamaStack's spans never reach the collector, and probes kill or unready the pod. Since collector 0.104.0 an omitted
/// <c>endpoint</c> means localhost (otel-tempo-facts.md §3.4); on older images it meant all interfaces. When the tag
/// names no version the default is not judged. For an OpenTelemetryCollector the operator's webhook writes 0.0.0.0 into
/// omitted endpoints, its Service targets every receiver's port and its probes target health_check's
/// (operator-objects-facts.md §1d), so only an explicit localhost endpoint is reported there.
/// </summary>
public sealed class CollectorListenerLocalhost : ILintRule
{
    public RuleInfo Info { get; } = new(
        "collector-listener-localhost",
        Severity.Error,
        "A collector listener that a Service or probe targets binds localhost (explicitly, or by default since 0.104.0).",
        "Set the component's endpoint to 0.0.0.0:<port> or ${env:MY_POD_IP}:<port> (with MY_POD_IP from status.podIP) so that Services and probes can reach it.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var config in context.CollectorConfigs)
        {
            var collector = config.Collector;
            var services = context.ServicesSelecting(collector.Workload).ToList();
            foreach (var listener in config.Listeners().Where(l => l.IsLoopback && l.Port is not null))
            {
                var targets = collector.Container.Probes
                    .Where(p => config.ResolvePort(p.Port.Text) == listener.Port)
                    .Select(p => $"the {p.Kind} of container \"{collector.Container.Name}\"")
                    .Concat(OperatorTargets(collector, listener))
                    .Concat(services.SelectMany(s => s.Ports
                        .Where(p => config.ResolvePort(p.Target) == listener.Port)
                        .Select(p => $"Service \"{s.Name}\" port {p.Port}")))
                    .ToList();
                if (targets.Count == 0)
                {
                    continue;
                }

                var how = listener.Implicit ? $" (endpoint not set: the default since collector {CollectorCatalog.LocalhostDefaultSince}, image {collector.Image})" : string.Empty;
                yield return config.Report(Info, listener.Node, listener.Path,
                    $"{listener.Owner} in {config.Source} listens on {listener.Endpoint}{how}, but {string.Join(" and ", targets)} {(targets.Count == 1 ? "targets" : "target")} port {listener.Port}; "
                    + $"a localhost socket refuses connections to the pod IP, so listen on 0.0.0.0:{listener.Port} (or ${{env:MY_POD_IP}}:{listener.Port}) instead");
            }
        }
    }

    /// <summary>What the OpenTelemetry Operator points at a listener of the collector it runs (nothing in sidecar mode but the probes).</summary>
    private static IEnumerable<string> OperatorTargets(CollectorInstance collector, Listener listener)
    {
        if (!collector.Operated)
        {
            yield break;
        }

        var name = collector.Workload.Manifest.Name;
        if (listener.Component is { Kind: ComponentKind.Receiver } && collector.Mode != OpenTelemetryOperatorFacts.SidecarMode)
        {
            yield return $"Service \"{OpenTelemetryOperatorFacts.CollectorName(name)}\" (which the operator creates with a port per receiver)";
        }

        if (listener.Component is { Kind: ComponentKind.Extension, Id.Type: CollectorCatalog.HealthCheckType })
        {
            yield return "the liveness and readiness probes the operator derives from health_check";
        }
    }
}
