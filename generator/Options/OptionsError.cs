using Generator.Yaml;

namespace Generator.Options;

/// <summary>
/// A rejected option: where (the options file with line and column, or the <c>--set</c> argument), which option
/// (dotted path) and why, naming the expected type or the allowed values.
/// </summary>
public sealed record OptionsError(string Source, Mark Mark, string Path, string Message)
{
    public override string ToString()
    {
        var where = Mark.IsKnown ? $"{Source}:{Mark.Line}:{Mark.Column}" : Source;
        return Path.Length > 0 ? $"{where}: error: {Path}: {Message}" : $"{where}: error: {Message}";
    }
}

/// <summary>Thrown when options cannot be loaded; carries every error found, not just the first.</summary>
public sealed class OptionsException(IReadOnlyList<OptionsError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<OptionsError> Errors { get; } = errors;
}
