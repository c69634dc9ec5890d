using Generator.Findings;

namespace Generator.Lint;

/// <summary>
/// One lint rule: its metadata and a check over the whole bundle (cross-resource rules see every object of the run).
/// Rules report through the context's <c>Report</c> helpers, which stamp the rule id and default severity.
/// </summary>
public interface ILintRule
{
    RuleInfo Info { get; }

    IEnumerable<Finding> Check(LintContext context);
}
