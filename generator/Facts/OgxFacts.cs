namespace Generator.Facts;

/// <summary>
/// Facts about OGXServer (<c>ogx.io/v1beta1</c>) and the OGX operator v0.14.0 (operator-objects-facts.md §3, the
/// OGXServer CRD): the pod it builds and the defaults the tool must not override by accident.
/// </summary>
public static class OgxFacts
{
    public const string ApiVersion = "ogx.io/v1beta1";
    public const string Kind = "OGXServer";

    public const string Operator = "the OGX Operator";

    /// <summary>The server container's name (<c>DefaultContainerName</c>; the CRD has no field to change it).</summary>
    public const string ContainerName = "ogx";

    /// <summary>The API port the operator uses when <c>spec.network.port</c> is unset (<c>DefaultServerPort</c>).</summary>
    public const long DefaultPort = 8321;

    /// <summary>
    /// The operator's NetworkPolicy admits the namespaces labelled for the OpenShift router only when <c>spec.network</c>
    /// is set at all, and a non-empty <c>spec.network.policy.ingress</c> replaces every default rule: so the tool writes
    /// <c>spec.network</c> only for a port other than the default, and never a policy.
    /// </summary>
    public const string NetworkField = "network";

    /// <summary>The distribution operator v0.14.0 resolves by default (distributions.json: starter is docker.io/ogxai/distribution-starter:1.3.0).</summary>
    public const string DefaultDistribution = "starter";

    /// <summary>The release of that default image.</summary>
    public const string DefaultRelease = "1.3.0";

    /// <summary>The paths of the pod's pieces in the custom resource: user env, volumes and mounts go under <c>spec.workload.overrides</c>.</summary>
    public const string WorkloadPath = "spec.workload";

    public const string OverridesPath = WorkloadPath + ".overrides";
}
