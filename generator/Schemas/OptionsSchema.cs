using System.Text.Json;

namespace Generator.Schemas;

/// <summary>
/// A plain JSON Schema (draft-07 subset: type incl. type arrays such as ["string","null"], properties,
/// additionalProperties false/schema, items, required, enum, pattern, minimum/maximum, minLength/maxLength,
/// minItems/maxItems, $ref to definitions) for the tool's own options file. Compile once and reuse.
/// </summary>
public sealed class OptionsSchema
{
    private OptionsSchema(SchemaNode root) => Root = root;

    public SchemaNode Root { get; }

    /// <summary>Compiles the schema text; throws <see cref="SchemaCompileException"/> when it is not a usable schema.</summary>
    public static OptionsSchema Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return FromElement(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new SchemaCompileException("the options schema is not valid JSON: " + ex.Message);
        }
    }

    public static OptionsSchema FromElement(JsonElement schema)
    {
        var owned = schema.Clone();
        if (owned.ValueKind != JsonValueKind.Object)
        {
            throw new SchemaCompileException("the options schema must be a JSON object");
        }

        return new OptionsSchema(new SchemaCompiler(owned, SchemaFlavor.Options).Compile(owned));
    }
}
