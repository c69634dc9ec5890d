using Generator.Yaml;

namespace Generator.Documents;

/// <summary>A Kubernetes object read from (or rendered into) a YAML document, with the document's node tree.</summary>
public sealed class Manifest
{
    private Manifest(YamlDocument document, YamlMapping root, ObjectRef reference)
    {
        Document = document;
        Root = root;
        Ref = reference;
    }

    public YamlDocument Document { get; }

    public YamlMapping Root { get; }

    public ObjectRef Ref { get; }

    public string File => Document.File;

    public string Kind => Ref.Kind;

    public string Name => Ref.Name;

    public string? Namespace => Ref.Namespace;

    public YamlMapping? Spec => Root.GetMapping("spec");

    /// <summary>
    /// Reads the identity of a document. Returns null (with the reason) for documents that are not objects or lack
    /// <c>apiVersion</c>/<c>kind</c> (naming a misspelt key, see <see cref="IdentityKeys"/>); empty documents return null
    /// with no reason.
    /// </summary>
    public static Manifest? FromDocument(YamlDocument document, out string? problem)
    {
        problem = null;
        switch (document.Root)
        {
            case null:
            case YamlScalar { IsNull: true }:
                return null;
            case not YamlMapping:
                problem = $"a Kubernetes object must be a mapping, not {document.Root.TypeName}"
                    + (IdentityKeys.Resembles(document.Root) ? "; its items look like objects: separate them with --- or make them the items of a kind: List" : string.Empty);
                return null;
        }

        var root = (YamlMapping)document.Root;
        var apiVersion = root.GetString(IdentityKeys.ApiVersion);
        var kind = root.GetString(IdentityKeys.Kind);
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            problem = IdentityKeys.Problem(root);
            return null;
        }

        var metadata = root.GetMapping("metadata");
        var name = metadata?.GetString("name") ?? metadata?.GetString("generateName") ?? string.Empty;
        return new Manifest(document, root, new ObjectRef(apiVersion, kind, metadata?.GetString("namespace"), name));
    }

    public override string ToString() => Ref.ToString();
}
