using Generator.Json;

namespace Generator.Findings;

/// <summary>
/// Exactly one JSON object: <c>{"findings":[{"rule","severity","file","line","column","path","message"}],
/// "summary":{"files","documents","errors","warnings","skippedDocuments","skippedHelmTemplates"}}</c> (documents linted,
/// documents skipped as not Kubernetes objects, Helm template files not read).
/// </summary>
public sealed class JsonFindingWriter : IFindingWriter
{
    public void Write(LintReport report, TextWriter output)
    {
        output.WriteLine(JsonText.Write(json =>
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
            json.WriteNumber("skippedDocuments", report.SkippedDocuments);
            json.WriteNumber("skippedHelmTemplates", report.HelmTemplates.Count);
            json.WriteEndObject();
            json.WriteEndObject();
        }));
    }
}
