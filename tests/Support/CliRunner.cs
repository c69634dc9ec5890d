using Generator.Cli;

namespace Generator.Tests.Support;

/// <summary>Runs the whole command line in memory (same code path as the executable) and captures its output.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args) => RunWithInput(string.Empty, args);

    public static Result RunWithInput(string stdin, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, new StringReader(stdin), stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
