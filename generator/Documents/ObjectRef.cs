namespace Generator.Documents;

/// <summary>Identifies a Kubernetes object: group/version, kind, namespace (null when the document does not say) and name.</summary>
public sealed record ObjectRef(string ApiVersion, string Kind, string? Namespace, string Name)
{
    /// <summary>The API group: empty for the core group (<c>v1</c>).</summary>
    public string Group => ApiVersion.Contains('/') ? ApiVersion[..ApiVersion.IndexOf('/')] : string.Empty;

    /// <summary>
    /// Whether two namespaces may be the same one: equal, or either unset (a manifest without metadata.namespace lands in
    /// whatever namespace it is applied to, so lint does not tell it apart from any).
    /// </summary>
    public static bool SameNamespace(string? a, string? b) => a is null || b is null || a == b;

    public override string ToString() => Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}
