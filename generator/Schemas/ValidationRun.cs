using Generator.Findings;
using Generator.Yaml;

namespace Generator.Schemas;

/// <summary>
/// The state of validating one document: where findings go, which flavour's wording and rule ids apply, and whether this is
/// a silent predicate run (an <c>anyOf</c> branch being tried), which only counts failures.
/// </summary>
internal sealed class ValidationRun
{
    private readonly List<Finding>? _findings;

    public ValidationRun(SchemaFlavor flavor, string file)
    {
        Flavor = flavor;
        File = file;
        _findings = [];
    }

    private ValidationRun(ValidationRun parent)
    {
        Flavor = parent.Flavor;
        File = parent.File;
        Silent = true;
    }

    public SchemaFlavor Flavor { get; }

    public string File { get; }

    /// <summary>
    /// The "not evaluated" finding of each CEL rule met in this document (its first place); the validator keeps each rule's
    /// first in document order and drops the rest (<see cref="StructuralValidator.Claim"/>).
    /// </summary>
    public Dictionary<string, Finding> NotEvaluated { get; } = new(StringComparer.Ordinal);

    /// <summary>A predicate run: no findings, only whether anything failed and the first message.</summary>
    public bool Silent { get; }

    public int Failures { get; private set; }

    public string? FirstFailure { get; private set; }

    public IReadOnlyList<Finding> Findings => _findings ?? [];

    public ValidationRun Predicate() => new(this);

    public void Report(RuleInfo rule, Mark mark, string path, string message, Severity? severity = null)
    {
        var level = severity ?? rule.DefaultSeverity;
        if (level == Severity.Error)
        {
            Failures++;
            FirstFailure ??= (path.Length > 0 ? path + ": " : string.Empty) + message;
        }

        _findings?.Add(Finding.At(rule.Id, level, File, mark, path, message));
    }
}
