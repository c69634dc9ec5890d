using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// A UIPlugin of type DistributedTracing while no Tempo of the bundle is one the console's tracing UI lists: it lists
/// only TempoStack and TempoMonolithic instances with tenants in mode <c>openshift</c> (which runs behind the gateway) and
/// skips every other instance (operator-objects-facts.md §6, §8.6). The Traces page then stays empty. Silent when the
/// bundle has no Tempo (the plugin is cluster-wide; its Tempo may be linted elsewhere).
/// </summary>
public sealed class UiPluginTempoNotMultitenant : ILintRule
{
    public RuleInfo Info { get; } = new(
        "uiplugin-tempo-not-multitenant",
        Severity.Warning,
        "A distributed-tracing UIPlugin is in the bundle, but no Tempo of the bundle is multi-tenant in mode openshift, the only kind the console lists.",
        "Turn on multitenancy in mode openshift with at least one tenant (TempoMonolithic spec.multitenancy; TempoStack spec.tenants with spec.template.gateway.enabled: true), or drop the UIPlugin and use another UI.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        if (context.Tempos.Count == 0 || context.Tempos.Any(t => t.ListedByConsole))
        {
            yield break;
        }

        foreach (var plugin in context.Manifests.OfKind(UiPluginFacts.Kind).Where(p => p.Spec?.GetString("type") == UiPluginFacts.DistributedTracingType))
        {
            var reasons = string.Join("; ", context.Tempos.Select(t => $"{t.Manifest.Ref} {WhyNotListed(t)}"));
            yield return LintContext.Report(Info, plugin, plugin.Spec!.GetScalar("type"), "spec.type",
                $"{plugin.Ref} shows only multi-tenant Tempo (tenants in mode {UiPluginFacts.ListedTenancyMode}, behind the gateway), and no Tempo of the bundle is: {reasons}; the console's Traces page lists none of them");
        }
    }

    private static string WhyNotListed(TempoView tempo) =>
        !tempo.MultitenancyEnabled ? (tempo.IsStack ? "sets no spec.tenants" : "has no multitenancy")
        : tempo.Tenants.Count == 0 ? "has no tenants"
        : tempo.TenancyMode != UiPluginFacts.ListedTenancyMode ? $"has tenants in mode {tempo.TenancyMode}"
        : "has no gateway";
}
