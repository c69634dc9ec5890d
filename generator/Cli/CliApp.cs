using System.CommandLine;

namespace Generator.Cli;

/// <summary>
/// The command line: builds the root command from one class per command and runs it. Usage errors exit 2 (not
/// System.CommandLine's default 1, which means "findings" here); an unexpected exception is reported in one line and
/// exits 3, never as a stack trace.
/// </summary>
public static class CliApp
{
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Renders, validates and lints the LlamaStack tracing stack (OpenTelemetry Collector, Tempo, LlamaStack).")
        {
            RenderCommand.Create(stdout, stderr),
            LintCommand.Create(stdin, stdout, stderr),
            GraphCommand.Create(stdin, stdout, stderr),
            SchemasCommand.Create(stdin, stdout, stderr),
            DocsCommand.Create(stdout),
        };

        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    stderr.WriteLine("error: " + error.Message);
                }

                stderr.WriteLine("Run with --help for usage.");
                return ExitCodes.Usage;
            }

            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            stderr.WriteLine($"internal error: {ex.GetType().Name}: {ex.Message}");
            stderr.WriteLine("This is a bug in the generator; please report it with the command line and input that caused it.");
            return ExitCodes.Internal;
        }
    }
}
