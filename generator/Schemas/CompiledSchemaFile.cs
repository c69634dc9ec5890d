using System.Text;
using System.Text.Json;
using Generator.Json;

namespace Generator.Schemas;

/// <summary>
/// The compiled schema form: one JSON file per apiVersion/kind, named <c>&lt;group|core&gt;_&lt;version&gt;_&lt;Kind&gt;.json</c> so a
/// store finds a kind's file without opening the others:
/// <code>
/// { "compiledSchema": 1, "apiVersion": "example.com/v1", "kind": "Widget",
///   "flavor": "crd" | "openapi",        // structural CRD semantics, or a built-in type's OpenAPI semantics
///   "source": "CRD widgets.example.com (version v1) from widgets.yaml",
///   "schema": { ... },                  // the openAPIV3Schema (crd) or {"$ref": "#/definitions/&lt;type&gt;"} (openapi)
///   "definitions": { ... } }            // openapi only: every type the schema references, $refs pointing here
/// </code>
/// Descriptions are left out; everything validation uses is kept verbatim.
/// </summary>
public static class CompiledSchemaFile
{
    public const int Version = 1;

    public const string Extension = ".json";

    public static string FileName(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/');
        var group = slash < 0 ? "core" : apiVersion[..slash];
        var version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
        return $"{group}_{version}_{kind}{Extension}";
    }

    public static bool TryParseFileName(string fileName, out string apiVersion, out string kind)
    {
        apiVersion = kind = string.Empty;
        if (!fileName.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = fileName[..^Extension.Length].Split('_');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
        {
            return false;
        }

        apiVersion = parts[0] == "core" ? parts[1] : parts[0] + "/" + parts[1];
        kind = parts[2];
        return true;
    }

    internal static byte[] Write(string apiVersion, string kind, string flavor, string source, Action<Utf8JsonWriter> writeSchema, Action<Utf8JsonWriter>? writeDefinitions)
    {
        var text = JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("compiledSchema", Version);
            json.WriteString("apiVersion", apiVersion);
            json.WriteString("kind", kind);
            json.WriteString("flavor", flavor);
            json.WriteString("source", source);
            json.WritePropertyName("schema");
            writeSchema(json);
            if (writeDefinitions is not null)
            {
                json.WritePropertyName("definitions");
                writeDefinitions(json);
            }

            json.WriteEndObject();
        });
        return Encoding.UTF8.GetBytes(text + "\n");
    }
}

/// <summary>One compiled schema file: the kind it describes and its bytes (see <see cref="CompiledSchemaFile"/>).</summary>
public sealed record CompiledSchema(string ApiVersion, string Kind, byte[] Content)
{
    public string FileName => CompiledSchemaFile.FileName(ApiVersion, Kind);
}
