using Generator.Findings;
using Generator.Schemas;
using Generator.Yaml;

namespace Generator.Lint;

/// <summary>
/// What one lint run saw and found: the bundle with its views, and the findings at their positions in the files read
/// (after the config, the suppressions and the threshold), ordered by file and position.
/// </summary>
public sealed record LintAnalysis(LintContext Context, IReadOnlyList<Finding> Findings, int Files, int Documents, int SkippedDocuments, IReadOnlyList<string> HelmTemplates);

/// <summary>
/// Runs schema validation and every rule over one bundle. A rule that throws becomes a <c>lint-internal</c> finding
/// instead of ending the run. Then the config (rules off, severities changed), the <c># lint-ignore:</c> comments and
/// the <c>--severity</c> threshold apply, findings in <c>helm template</c> output move to the template that rendered
/// them (<see cref="HelmSources"/>), and findings are ordered by file and position.
/// </summary>
public sealed class LintRunner(StructuralValidator validator, IReadOnlyList<ILintRule> rules)
{
    /// <summary>Lints YAML read in memory (no Helm templates among it).</summary>
    public LintReport Run(IReadOnlyList<YamlStream> streams, LintConfig config, Severity threshold) => Run(new LintFiles(streams, []), config, threshold);

    public LintReport Run(LintFiles files, LintConfig config, Severity threshold)
    {
        var analysis = Analyze(files, config, threshold);
        // The analysis is ordered already; findings moved into Helm templates need ordering again.
        var sources = HelmSources.Of(files.Streams);
        var findings = sources.MapsAny ? Ordered(analysis.Findings.Select(sources.Map)) : analysis.Findings;
        return new LintReport(findings, analysis.Files, analysis.Documents, analysis.SkippedDocuments, analysis.HelmTemplates);
    }

    /// <summary>The bundle and its findings where the files hold them (what a picture of the wiring marks its edges with).</summary>
    public LintAnalysis Analyze(LintFiles files, LintConfig config, Severity threshold)
    {
        var streams = files.Streams;
        // --strict-kinds, which the validator carries, also makes every document of another tool an error.
        var (manifests, invalid, skipped) = LintInput.Objects(streams, strict: validator.StrictKinds);
        var context = new LintContext(manifests, streams, invalid, skipped);
        // Objects validate independently, and rules only read the shared, lazily built views: both run on every core.
        var validation = new IEnumerable<Finding>[manifests.Count];
        var checks = new SchemaCheck?[manifests.Count]; // null where the check threw (validation holds its lint-internal finding)
        Parallel.For(0, manifests.Count, i => validation[i] = Guard(RuleCatalog.Internal.Id, manifests[i].File, () =>
        {
            checks[i] = validator.Check(manifests[i]);
            return [];
        }));

        // In document order, so a once-per-run note goes to the first object it applies to, not the first thread done.
        for (var i = 0; i < manifests.Count; i++)
        {
            if (checks[i] is { } check)
            {
                validation[i] = validator.Claim(check);
            }
        }

        var ruleFindings = new IEnumerable<Finding>[rules.Count];
        Parallel.For(0, rules.Count, i => ruleFindings[i] = Guard(rules[i].Info.Id, streams.FirstOrDefault()?.File ?? "-", () => rules[i].Check(context).ToList()));
        var findings = validation.Concat(ruleFindings).SelectMany(f => f);

        var suppressions = new Suppressions(streams);
        var reported = findings
            .Select(f => config.SeverityOf(f.RuleId, f.Severity) is { } severity ? f with { Severity = severity } : null)
            .OfType<Finding>()
            .Where(f => f.Severity >= threshold && !suppressions.IsSuppressed(f));
        var documents = streams.Sum(s => s.Documents.Count(d => d.Root is not null and not YamlScalar { IsNull: true })) - skipped.Count;
        return new LintAnalysis(context, Ordered(reported), streams.Count, documents, skipped.Count, files.HelmTemplates);
    }

    private static List<Finding> Ordered(IEnumerable<Finding> findings) =>
        [.. findings.Distinct().OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal)];

    private static IEnumerable<Finding> Guard(string ruleId, string file, Func<IEnumerable<Finding>> check)
    {
        try
        {
            return check();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return [Finding.At(RuleCatalog.Internal.Id, Severity.Error, file, Mark.None, string.Empty, $"rule {ruleId} failed: {ex.GetType().Name}: {ex.Message}")];
        }
    }
}
