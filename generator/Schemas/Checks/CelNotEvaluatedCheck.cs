using Generator.Findings;
using Generator.Json;
using Generator.Yaml;

namespace Generator.Schemas.Checks;

/// <summary>
/// <c>schema-cel-not-evaluated</c>: an <c>x-kubernetes-validations</c> rule outside the CEL subset we evaluate (or a transition
/// rule using <c>oldSelf</c>, which only applies on update). Reported once per rule per validator (one per process run), at
/// the first place it applies in document order, so the gap is visible without repeating it for every document.
/// </summary>
internal static class CelNotEvaluatedCheck
{
    public static readonly RuleInfo Rule = new(
        "schema-cel-not-evaluated",
        Severity.Info,
        "An x-kubernetes-validations (CEL) rule that this tool cannot evaluate; the API server will, so check it on a cluster.",
        "Nothing to fix in the document; verify the rule with a server-side dry run (`kubectl apply --dry-run=server`).");

    public static void Report(ValidationRun run, Schemas.CelRule rule, string path, Mark mark, string reason)
    {
        if (run.Silent || run.NotEvaluated.ContainsKey(rule.Rule))
        {
            return;
        }

        run.Report(Rule, mark, path, $"x-kubernetes-validations rule not evaluated ({reason}): {YamlJson.Quote(rule.Rule)}");
        run.NotEvaluated[rule.Rule] = run.Findings[^1];
    }
}
