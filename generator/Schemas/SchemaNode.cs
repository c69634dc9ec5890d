using System.Text.Json;

namespace Generator.Schemas;

/// <summary>Which validation semantics a schema is read and checked with.</summary>
public enum SchemaFlavor
{
    /// <summary>A CustomResourceDefinition's structural schema: nulls dropped, defaults applied, unknown fields pruned.</summary>
    CustomResource,

    /// <summary>A built-in Kubernetes type from an OpenAPI v3 document: <c>allOf: [$ref]</c> wrappers, IntOrString by format.</summary>
    Native,
}

/// <summary>One <c>x-kubernetes-validations</c> entry.</summary>
public sealed record CelRule(string Rule, string? Message, string? MessageExpression, string? FieldPath, string? Reason);

/// <summary>
/// A compiled schema node: the keywords the validator understands, with <c>$ref</c> already resolved to shared nodes.
/// Nodes are built once per document and then only read, so one tree serves every thread.
/// </summary>
public sealed class SchemaNode
{
    /// <summary>A node that accepts anything.</summary>
    public static readonly SchemaNode Any = new() { PreserveUnknownFields = true };

    internal SchemaNode()
    {
    }

    /// <summary>Allowed JSON types ("object", "array", "string", "integer", "number", "boolean", "null"); null accepts any type.</summary>
    public IReadOnlyList<string>? Types { get; internal set; }

    public string? Format { get; internal set; }

    /// <summary>Declared properties in document order.</summary>
    public IReadOnlyDictionary<string, SchemaNode>? Properties { get; internal set; }

    /// <summary>Property names in document order (for messages).</summary>
    public IReadOnlyList<string> PropertyNames { get; internal set; } = [];

    public IReadOnlyList<string> Required { get; internal set; } = [];

    /// <summary>The schema of map values (<c>additionalProperties: {schema}</c>).</summary>
    public SchemaNode? AdditionalProperties { get; internal set; }

    /// <summary><c>additionalProperties: false</c> (options flavour) or <c>true</c>; null when the keyword is absent or a schema.</summary>
    public bool? AdditionalPropertiesAllowed { get; internal set; }

    public SchemaNode? Items { get; internal set; }

    public IReadOnlyList<JsonElement>? Enum { get; internal set; }

    public string? Pattern { get; internal set; }

    public long? MinLength { get; internal set; }

    public long? MaxLength { get; internal set; }

    public long? MinItems { get; internal set; }

    public long? MaxItems { get; internal set; }

    public long? MinProperties { get; internal set; }

    public long? MaxProperties { get; internal set; }

    public double? Minimum { get; internal set; }

    public double? Maximum { get; internal set; }

    public bool ExclusiveMinimum { get; internal set; }

    public bool ExclusiveMaximum { get; internal set; }

    public double? MultipleOf { get; internal set; }

    public bool UniqueItems { get; internal set; }

    public bool Nullable { get; internal set; }

    public bool PreserveUnknownFields { get; internal set; }

    public bool IntOrString { get; internal set; }

    public bool EmbeddedResource { get; internal set; }

    public JsonElement? Default { get; internal set; }

    public string? ListType { get; internal set; }

    public IReadOnlyList<string> ListMapKeys { get; internal set; } = [];

    public IReadOnlyList<CelRule> Validations { get; internal set; } = [];

    public IReadOnlyList<SchemaNode> AllOf { get; internal set; } = [];

    public IReadOnlyList<SchemaNode> AnyOf { get; internal set; } = [];

    public IReadOnlyList<SchemaNode> OneOf { get; internal set; } = [];

    public SchemaNode? Not { get; internal set; }


    internal bool HasValueValidations => AllOf.Count > 0 || AnyOf.Count > 0 || OneOf.Count > 0 || Not is not null;

    public SchemaNode? Property(string name) => Properties is not null && Properties.TryGetValue(name, out var node) ? node : null;

    internal bool AllowsType(string type) => Types is null || Types.Contains(type);

    /// <summary>Makes this node a copy of <paramref name="other"/> (resolves a wrapper whose target was still being built).</summary>
    internal void CopyFrom(SchemaNode other)
    {
        Types = other.Types;
        Format = other.Format;
        Properties = other.Properties;
        PropertyNames = other.PropertyNames;
        Required = other.Required;
        AdditionalProperties = other.AdditionalProperties;
        AdditionalPropertiesAllowed = other.AdditionalPropertiesAllowed;
        Items = other.Items;
        Enum = other.Enum;
        Pattern = other.Pattern;
        MinLength = other.MinLength;
        MaxLength = other.MaxLength;
        MinItems = other.MinItems;
        MaxItems = other.MaxItems;
        MinProperties = other.MinProperties;
        MaxProperties = other.MaxProperties;
        Minimum = other.Minimum;
        Maximum = other.Maximum;
        ExclusiveMinimum = other.ExclusiveMinimum;
        ExclusiveMaximum = other.ExclusiveMaximum;
        MultipleOf = other.MultipleOf;
        UniqueItems = other.UniqueItems;
        Nullable = other.Nullable;
        PreserveUnknownFields = other.PreserveUnknownFields;
        IntOrString = other.IntOrString;
        EmbeddedResource = other.EmbeddedResource;
        Default = other.Default;
        ListType = other.ListType;
        ListMapKeys = other.ListMapKeys;
        Validations = other.Validations;
        AllOf = other.AllOf;
        AnyOf = other.AnyOf;
        OneOf = other.OneOf;
        Not = other.Not;
    }
}
