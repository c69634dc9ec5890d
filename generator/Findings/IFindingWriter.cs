namespace Generator.Findings;

/// <summary>Prints a lint report in one format.</summary>
public interface IFindingWriter
{
    void Write(LintReport report, TextWriter output);
}

public enum OutputFormat
{
    Text,
    Json,
    Sarif,
}
