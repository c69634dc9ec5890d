namespace Generator.Schemas;

/// <summary>The compiled schema of one apiVersion/kind and where it came from.</summary>
public sealed class KindSchema
{
    internal KindSchema(string apiVersion, string kind, SchemaFlavor flavor, SchemaNode root, string source)
    {
        ApiVersion = apiVersion;
        Kind = kind;
        Flavor = flavor;
        Root = root;
        Source = source;
    }

    public string ApiVersion { get; }

    public string Kind { get; }

    /// <summary><see cref="SchemaFlavor.CustomResource"/> or <see cref="SchemaFlavor.Native"/>.</summary>
    public SchemaFlavor Flavor { get; }

    public SchemaNode Root { get; }

    /// <summary>Human description of the source, as <see cref="SchemaStore.DescribeSource"/> prints it.</summary>
    public string Source { get; }
}

/// <summary>A schema source exists for a kind but cannot be read or compiled (a damaged compiled file, a broken document).</summary>
public sealed class SchemaLoadException(string message, Exception? inner = null) : Exception(message, inner);
