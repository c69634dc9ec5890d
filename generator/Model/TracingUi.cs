using Generator.Blueprints;
using Generator.Facts;

namespace Generator.Model;

/// <summary>
/// The OpenShift console's tracing UI: the Cluster Observability Operator's UIPlugin <c>distributed-tracing</c>
/// (cluster-scoped, the one name its CRD accepts). It lists multi-tenant Tempo only, which an option rule requires.
/// </summary>
public static class TracingUi
{
    public static readonly Flag Enabled = V.Flag("tempo.uiPlugin.enabled");

    public static Resource Resource()
    {
        var timeout = V.Str("tempo.uiPlugin.timeout");
        var plugin = Common.Object(UiPluginFacts.ApiVersion, UiPluginFacts.Kind, StackComponent.TracingUi, UiPluginFacts.DistributedTracingName, null);
        plugin.Add("spec", new Map
        {
            { "type", UiPluginFacts.DistributedTracingType },
            { timeout.Present, "distributedTracing", new Map { { "timeout", timeout } } },
        });
        return new Resource("uiplugin.yaml", "uiplugin.yaml", plugin, Enabled);
    }
}
