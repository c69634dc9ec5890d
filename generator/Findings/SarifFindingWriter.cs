using System.Text.Json;
using Generator.Json;

namespace Generator.Findings;

/// <summary>
/// SARIF 2.1.0 for code scanning: one <c>reportingDescriptor</c> per rule used (with its summary and remediation as
/// help), and every result located at the line and column of the offending key. Written with Utf8JsonWriter because the
/// SARIF SDK cannot be restored here; the tests check the output with the real SARIF Multitool.
/// </summary>
public sealed class SarifFindingWriter(IReadOnlyList<RuleInfo> catalog) : IFindingWriter
{
    public const string InformationUri = "https://github.com/llamastack-tracing/generator";

    public void Write(LintReport report, TextWriter output)
    {
        var used = report.Findings.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = used.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);

        output.WriteLine(JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, used);
            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                WriteResult(json, finding, index[finding.RuleId]);
            }

            json.WriteEndArray();
            if (report.HelmTemplateNote is { } note)
            {
                WriteSkippedTemplates(json, note, report.HelmTemplates);
            }

            json.WriteStartObject("properties");
            json.WriteNumber("skippedDocuments", report.SkippedDocuments);
            json.WriteNumber("skippedHelmTemplates", report.HelmTemplates.Count);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }));
    }

    private void WriteTool(Utf8JsonWriter json, IReadOnlyList<string> used)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.ManagedBy);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var id in used)
        {
            var rule = catalog.FirstOrDefault(r => r.Id == id) ?? new RuleInfo(id, Severity.Error, id, "See the finding's message.");
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", PascalCase(rule.Id));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Summary);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Summary);
            json.WriteEndObject();
            json.WriteStartObject("help");
            json.WriteString("text", rule.Remediation);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Path.Length > 0 ? $"{finding.Path}: {finding.Message}" : finding.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ArtifactUri(finding.File));
        json.WriteEndObject();
        if (finding.Line > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", finding.Line);
            json.WriteNumber("startColumn", Math.Max(finding.Column, 1));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        if (finding.Path.Length > 0)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", finding.Path);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSkippedTemplates(Utf8JsonWriter json, string note, IReadOnlyList<string> templates)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteStartArray("toolExecutionNotifications");
        json.WriteStartObject();
        json.WriteString("level", "note");
        json.WriteStartObject("message");
        json.WriteString("text", note);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        foreach (var template in templates)
        {
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", ArtifactUri(template));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A relative URI with forward slashes (what code scanning expects); absolute paths become file URIs.</summary>
    private static string ArtifactUri(string file)
    {
        if (file == Finding.StandardInput)
        {
            return "stdin";
        }

        if (Path.IsPathRooted(file))
        {
            return new Uri(file).AbsoluteUri;
        }

        return string.Join('/', file.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }

    private static string PascalCase(string id) => string.Concat(id.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
