using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Generator.Json;

/// <summary>
/// The JSON the tool writes (lint reports, SARIF, schemas, chart facts): LF line breaks on every platform, so output is
/// byte-stable, and non-ASCII and HTML characters written as they are rather than as <c>\u</c> escapes.
/// </summary>
public static class JsonText
{
    public static string Write(Action<Utf8JsonWriter> write, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
