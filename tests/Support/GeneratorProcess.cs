using System.Diagnostics;

namespace Generator.Tests.Support;

/// <summary>
/// Starts the built tool as a real child process: the executable (apphost) that the project reference puts beside the
/// test assembly. For tests that need a process of its own, e.g. to kill it; the others run the CLI in memory (<see cref="CliRunner"/>).
/// </summary>
public static class GeneratorProcess
{
    public static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "generator.exe" : "generator");

    /// <summary>Starts the tool; its output is read and dropped, so it never blocks on a full pipe.</summary>
    public static Process Start(params string[] arguments)
    {
        if (!File.Exists(Executable))
        {
            Assert.Fail($"the generator executable is not at {Executable}; the test project's reference to generator/ should put it there.");
        }

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + Executable);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
