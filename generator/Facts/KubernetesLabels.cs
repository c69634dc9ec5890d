namespace Generator.Facts;

/// <summary>The recommended <c>app.kubernetes.io/*</c> label keys, which the stack and the operators put on their objects.</summary>
public static class KubernetesLabels
{
    public const string Name = "app.kubernetes.io/name";
    public const string Instance = "app.kubernetes.io/instance";
    public const string Version = "app.kubernetes.io/version";
    public const string Component = "app.kubernetes.io/component";
    public const string PartOf = "app.kubernetes.io/part-of";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
}
