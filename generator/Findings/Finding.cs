using Generator.Yaml;

namespace Generator.Findings;

/// <summary>
/// One problem found in a document: which rule, how bad, where (file, 1-based line and column, and the field path inside
/// the object, e.g. <c>spec.server.podOverrides.initContainers</c>) and a message a person can act on.
/// </summary>
public sealed record Finding(string RuleId, Severity Severity, string File, int Line, int Column, string Path, string Message)
{
    /// <summary>The file of findings in YAML read from standard input (the <c>-</c> argument of lint).</summary>
    public const string StandardInput = "-";

    public static Finding At(string ruleId, Severity severity, string file, Mark mark, string path, string message) =>
        new(ruleId, severity, file, Math.Max(mark.Line, 0), Math.Max(mark.Column, 0), path, message);

    public static Finding At(string ruleId, Severity severity, string file, YamlNode? node, string path, string message) =>
        At(ruleId, severity, file, node?.Start ?? Mark.None, path, message);

    /// <summary><c>file:line:col</c>, the form editors and CI annotations understand.</summary>
    public string Location => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
