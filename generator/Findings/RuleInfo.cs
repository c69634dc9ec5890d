namespace Generator.Findings;

/// <summary>
/// What a rule is, apart from how it checks: a stable kebab-case id, the severity it reports unless configured otherwise,
/// a one-line summary (the catalog) and a remediation (<c>lint --explain</c>, SARIF help text).
/// </summary>
public sealed record RuleInfo(string Id, Severity DefaultSeverity, string Summary, string Remediation);
