namespace Generator.Documents;

/// <summary>Identifies a Kubernetes object: group/version, kind, namespace (null when the document does not say) and name.</summary>
public sealed record ObjectRef(string ApiVersion, string Kind, string? Namespace, string Name)
{
    /// <summary>The API group: empty for the core group (<c>v1</c>).</summary>
    public string Group => ApiVersion.Contains('/') ? ApiVersion[..ApiVersion.IndexOf('/')] : string.Empty;

    public override string ToString() => Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}
