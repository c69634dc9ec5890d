using Generator.Facts;
using Generator.Tests.Support;

namespace Generator.Tests.Facts;

public sealed class LlamaStackFactsTests
{
    /// <summary>
    /// The options schema refuses extraEnv names from <see cref="LlamaStackFacts.ServerEnvNames"/>; they must be
    /// exactly what the model sets, in the seed's order, with PYTHONPATH after them for the default sitecustomize strategy.
    /// </summary>
    [Fact]
    public void ServerEnvNames_AreTheVariablesTheModelSets()
    {
        var server = Rendering.Single(Rendering.Render(), LlamaStackFacts.Kind);
        var env = server.Spec!.GetMapping("server")!.GetMapping("containerSpec")!.GetSequence("env")!;

        Assert.Equal([.. LlamaStackFacts.ServerEnvNames, LlamaStackFacts.PythonPathEnv], env.Items.Select(e => ((Generator.Yaml.YamlMapping)e).GetString("name")));
    }

    /// <summary>The NOTES grep for the hook's lines; they must be the lines the hook writes.</summary>
    [Fact]
    public void LogLinesTheNotesGrepFor_AreTheHooksOwn()
    {
        var hook = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "templates", "tracing-fix", "sitecustomize.py"));

        Assert.Contains($"\"{LlamaStackFacts.FixAppliedLogLine}: \"", hook, StringComparison.Ordinal);
        Assert.Contains($"\"{LlamaStackFacts.HookLogPrefix} installed a tracer provider: \"", hook, StringComparison.Ordinal);
        Assert.Contains($"\"{LlamaStackFacts.HookLogPrefix} installed no tracer provider: \"", hook, StringComparison.Ordinal);
        Assert.StartsWith(LlamaStackFacts.HookLogPrefix, LlamaStackFacts.FixAppliedLogLine, StringComparison.Ordinal);
    }
}
