namespace Generator.Findings;

/// <summary>
/// The outcome of a lint run: findings after configuration, suppressions and the severity threshold; how many files and
/// documents were linted, how many documents were skipped as another tool's YAML, and the Helm templates left unread.
/// </summary>
public sealed record LintReport(IReadOnlyList<Finding> Findings, int Files, int Documents, int SkippedDocuments, IReadOnlyList<string> HelmTemplates)
{
    public int Errors => Findings.Count(f => f.Severity == Severity.Error);

    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);

    public int Infos => Findings.Count(f => f.Severity == Severity.Info);

    /// <summary>What the run did with Helm chart templates and what to do instead, or null when it met none.</summary>
    public string? HelmTemplateNote => HelmTemplates.Count == 0 ? null
        : $"skipped {HelmTemplates.Count} Helm template file{(HelmTemplates.Count == 1 ? string.Empty : "s")} (chart templates are Go templates, not YAML; "
          + $"lint the rendered chart instead: helm template RELEASE CHART | {ToolInfo.Name} lint -)";
}
