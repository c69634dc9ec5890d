using Generator.Blueprints;
using Generator.Facts;

namespace Generator.Model;

/// <summary>
/// The LlamaStack server as an OGXServer (RHOAI 3.5 and later): the same distribution, environment, storage, replicas and
/// autoscaling as the LlamaStackDistribution, in the places the OGXServer CRD has for them (<c>spec.workload</c>, user env
/// under <c>spec.workload.overrides.env</c>). Its image runs the server under opentelemetry-instrument once an OTEL_*
/// variable is set, so no start-up hook is wired (the options refuse a patch strategy for it). The operator's default
/// NetworkPolicy is kept: no <c>spec.network.policy</c> is written, and <c>spec.network</c> only for a port other than
/// the default.
/// </summary>
public static class OgxServer
{
    private const string Options = LlamaStack.Options;

    public static Resource Resource()
    {
        var port = V.Int(Options + "port");
        var cr = Common.Object(OgxFacts.ApiVersion, OgxFacts.Kind, StackComponent.LlamaStack, LlamaStack.Name, Common.ApplicationNamespace);
        cr.Add("spec", new Map
        {
            { "distribution", LlamaStack.DistributionSpec() },

            // Setting spec.network at all widens the operator's NetworkPolicy (ingress from the router's namespaces).
            { !port.Is(OgxFacts.DefaultPort), OgxFacts.NetworkField, new Map { { "port", port } } },
            {
                "workload", new Map
                {
                    { "replicas", V.Int(Options + "replicas") },
                    { LlamaStack.AutoscalingEnabled, "autoscaling", LlamaStack.Autoscaling() },
                    { "resources", Common.ResourcesOf(Options + "resources") },
                    { "storage", LlamaStack.Storage() },
                    {
                        "overrides", new Map
                        {
                            { "env", LlamaStack.Env() },
                            { LlamaStack.ServiceAccount.Present, "serviceAccountName", LlamaStack.ServiceAccount },
                        }
                    },
                }
            },
        });
        return new Resource("ogx-server.yaml", "ogx-server.yaml", cr, Generation.Ogx);
    }
}
