using System.Text.Encodings.Web;
using System.Text.Json;
using Generator.Lint;

namespace Generator.Output;

/// <summary>
/// Exactly one JSON object: <c>{"findings":[{"rule","severity","file","line","column","path","message"}],
/// "summary":{"files","documents","errors","warnings"}}</c>.
/// </summary>
public sealed class JsonFindingWriter : IFindingWriter
{
    public void Write(LintReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("rule", finding.RuleId);
                json.WriteString("severity", finding.Severity.ToName());
                json.WriteString("file", finding.File);
                json.WriteNumber("line", finding.Line);
                json.WriteNumber("column", finding.Column);
                json.WriteString("path", finding.Path);
                json.WriteString("message", finding.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.Files);
            json.WriteNumber("documents", report.Documents);
            json.WriteNumber("errors", report.Errors);
            json.WriteNumber("warnings", report.Warnings);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
