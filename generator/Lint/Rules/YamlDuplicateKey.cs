using Generator.Findings;
using Generator.Yaml;

namespace Generator.Lint.Rules;

/// <summary>The same key twice in one mapping of an object: one of the two values is silently lost.</summary>
public sealed class YamlDuplicateKey : ILintRule
{
    public RuleInfo Info { get; } = new(
        "yaml-duplicate-key",
        Severity.Error,
        "A mapping has the same key twice; kubectl keeps only the later value.",
        "Remove or merge the repeated key so each key appears once in its mapping.");

    public IEnumerable<Finding> Check(LintContext context) =>
        context.Streams.SelectMany(s => s.Problems
            .Where(p => p.Kind == YamlProblemKind.DuplicateKey && !context.InSkippedDocument(s.File, p.Mark))
            .Select(p => Finding.At(Info.Id, Info.DefaultSeverity, s.File, p.Mark, string.Empty, p.Message)));
}
