using Generator.Documents;
using Generator.Findings;

namespace Generator.Lint.Rules;

/// <summary>
/// A YAML document that should be a Kubernetes object but is not one. As a pre-commit hook the linter sees every YAML
/// file of a commit, so a document only counts as meant for Kubernetes when it resembles an object
/// (<see cref="IdentityKeys.Resembles"/>): a mapping with apiVersion or kind or a near miss of either, or a top-level
/// sequence of such mappings. Everything else is skipped and counted, not reported: mappings of other tools (CI
/// workflows, compose files, Helm values and Chart.yaml), scalars, and sequences of anything else. Skipping a scalar or a
/// foreign sequence hides no mistake in an object: a Kubernetes object written as a scalar would need every key's colon
/// missing (one key with a colon makes the file a mapping or a yaml-parse error), and objects written as a list are
/// still reported. <c>--strict-kinds</c> turns the skip off: there every document that is not an object is an error.
/// </summary>
public sealed class ManifestInvalid : ILintRule
{
    public RuleInfo Info { get; } = new(
        "manifest-invalid",
        Severity.Error,
        "A document that should be a Kubernetes object is not one (apiVersion or kind missing or misspelt, or not a mapping); other YAML is skipped.",
        "Spell apiVersion and kind exactly (keys are case-sensitive) and give every object both; write listed objects as separate documents (---) or as the items of a kind: List. YAML of other tools is skipped, except with --strict-kinds: then keep it out of the linted paths.");

    public IEnumerable<Finding> Check(LintContext context) =>
        context.InvalidDocuments.Select(d => Finding.At(Info.Id, Info.DefaultSeverity, d.Document.File, d.Document.Start, string.Empty, d.Problem));
}
