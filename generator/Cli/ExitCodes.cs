namespace Generator.Cli;

/// <summary>Process exit codes (the command contract other tooling relies on).</summary>
public static class ExitCodes
{
    /// <summary>Success; for lint: no finding at or above error severity.</summary>
    public const int Ok = 0;

    /// <summary>Rendered documents failed validation (nothing written), or lint found errors.</summary>
    public const int Findings = 1;

    /// <summary>Bad options, bad arguments or unreadable input.</summary>
    public const int Usage = 2;

    /// <summary>An internal fault: a bug in the tool.</summary>
    public const int Internal = 3;
}
