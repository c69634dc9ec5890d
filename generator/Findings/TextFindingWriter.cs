namespace Generator.Findings;

/// <summary>
/// <c>file:line:col: severity rule: message</c> per finding, then a one-line summary (which mentions skipped documents only
/// when there are some); ANSI colour only on a terminal.
/// </summary>
public sealed class TextFindingWriter(bool colour) : IFindingWriter
{
    public void Write(LintReport report, TextWriter output)
    {
        foreach (var finding in report.Findings)
        {
            output.WriteLine(Line(finding, Paint(finding.Severity)));
        }

        var skipped = report.SkippedDocuments switch
        {
            0 => string.Empty,
            1 => ", 1 skipped: not a Kubernetes object",
            var n => $", {n} skipped: not Kubernetes objects",
        };
        output.WriteLine(
            $"{Plural(report.Errors, "error")}, {Plural(report.Warnings, "warning")}, {report.Infos} info in {Plural(report.Files, "file")} ({Plural(report.Documents, "document")}{skipped})");
    }

    /// <summary>One finding as lint (and render, for the findings it shows) prints it.</summary>
    public static string Line(Finding finding, string severity) =>
        $"{finding.Location}: {severity} {finding.RuleId}: {(finding.Path.Length > 0 ? finding.Path + ": " : string.Empty)}{finding.Message}";

    private string Paint(Severity severity)
    {
        var name = severity.ToName();
        if (!colour)
        {
            return name;
        }

        var code = severity switch
        {
            Severity.Error => "31",
            Severity.Warning => "33",
            _ => "36",
        };
        return $"\u001b[{code}m{name}\u001b[0m";
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
