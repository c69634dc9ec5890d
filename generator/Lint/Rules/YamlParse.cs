using Generator.Findings;
using Generator.Yaml;

namespace Generator.Lint.Rules;

/// <summary>
/// A file that is not valid YAML (or not UTF-8, or over a size, depth or alias-expansion limit), or an object using YAML
/// that Kubernetes rejects. A file that does not parse is reported whatever it holds, since what it holds cannot be told;
/// the Kubernetes-only restrictions do not apply to documents skipped as another tool's YAML.
/// </summary>
public sealed class YamlParse : ILintRule
{
    public RuleInfo Info { get; } = new(
        "yaml-parse",
        Severity.Error,
        "The file is not valid YAML or exceeds the reader's limits (documents after a parse error are not checked), or an object uses YAML that Kubernetes rejects.",
        "Fix the YAML at the reported line (indentation, an unclosed bracket or quote, a tab) and keep files UTF-8; split huge files and avoid alias chains that expand exponentially.");

    public IEnumerable<Finding> Check(LintContext context) =>
        context.Streams.SelectMany(s => s.Problems
            .Where(p => p.Kind is YamlProblemKind.Syntax or YamlProblemKind.Limit
                || (p.Kind is YamlProblemKind.Unsupported && !context.InSkippedDocument(s.File, p.Mark)))
            .Select(p => Finding.At(Info.Id, Info.DefaultSeverity, s.File, p.Mark, string.Empty, p.Message)));
}
