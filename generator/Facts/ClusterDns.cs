namespace Generator.Facts;

/// <summary>How a pod names a Service of its cluster (the default cluster domain, which the stack assumes).</summary>
public static class ClusterDns
{
    /// <summary>What follows <c>&lt;service&gt;.&lt;namespace&gt;</c> in a Service's fully qualified name.</summary>
    public const string ServiceDomain = ".svc.cluster.local";

    public static string Host(string service, string ns) => service + "." + ns + ServiceDomain;
}
