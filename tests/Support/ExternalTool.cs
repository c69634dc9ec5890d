using System.Diagnostics;

namespace Generator.Tests.Support;

/// <summary>What one run of an external tool did.</summary>
public sealed record ToolRun(string Command, int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => $"$ {Command}\nexit code {ExitCode}\n--- stderr ---\n{Stderr}\n--- stdout ---\n{Stdout}";
}

/// <summary>
/// Runs a real tool that tests/setup-tools.sh installs into .tools/bin. The tools are required, not optional: a test
/// that needs one fails (never skips) when it is missing, so a green run always means the real tool checked the output.
/// </summary>
public static class ExternalTool
{
    public static string PathOf(string name) => Path.Combine(TestPaths.RepoRoot, ".tools", "bin", name);

    public static ToolRun Run(string name, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null, string? stdin = null, string? workingDirectory = null)
    {
        var executable = PathOf(name);
        if (!File.Exists(executable))
        {
            Assert.Fail($"{name} is not installed at {executable}; run tests/setup-tools.sh first.");
        }

        return RunProgram(executable, arguments, environment, timeout, stdin, workingDirectory, name);
    }

    /// <summary>Runs a program of the machine itself (git, the test's own build output) the same way.</summary>
    public static ToolRun RunProgram(string executable, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null, string? stdin = null, string? workingDirectory = null, string? name = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var command = (name ?? executable) + " " + string.Join(' ', start.ArgumentList);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        var limit = timeout ?? TimeSpan.FromSeconds(60);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{command} did not finish within {limit.TotalSeconds} s");
        }

        return new ToolRun(command, process.ExitCode, stdout.Result, stderr.Result);
    }
}
