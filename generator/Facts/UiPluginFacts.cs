namespace Generator.Facts;

/// <summary>
/// The OpenShift console's tracing UI: the Cluster Observability Operator's <c>UIPlugin</c> of type DistributedTracing
/// (operator-objects-facts.md §6, source COO v1.5.1 and the distributed-tracing console plugin).
/// </summary>
public static class UiPluginFacts
{
    public const string ApiVersion = "observability.openshift.io/v1alpha1";
    public const string Kind = "UIPlugin";

    /// <summary>The only name the CRD's CEL rule accepts for this plugin type; the object is cluster-scoped.</summary>
    public const string DistributedTracingName = "distributed-tracing";

    public const string DistributedTracingType = "DistributedTracing";

    /// <summary>
    /// The only tenancy mode whose Tempo instances the plugin lists; instances without tenants are skipped (DTP
    /// pkg/api/tempo.go :: listTempos, validateTenancyMode).
    /// </summary>
    public const string ListedTenancyMode = TempoFacts.OpenShiftTenancyMode;

    /// <summary><c>spec.distributedTracing.timeout</c>: seconds or minutes (types.go :: DistributedTracingConfig).</summary>
    public const string TimeoutPattern = "^([0-9]+)([sm]{1})$";
}
