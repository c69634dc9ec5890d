using Generator.Facts;
using Generator.Tests.Support;

namespace Generator.Tests.Facts;

public sealed class LlamaStackFactsTests
{
    /// <summary>
    /// The options validator refuses extraEnv names from <see cref="LlamaStackFacts.ServerEnvNames"/>; they must be
    /// exactly what the model sets, in the seed's order, with PYTHONPATH after them for the default sitecustomize strategy.
    /// </summary>
    [Fact]
    public void ServerEnvNames_AreTheVariablesTheModelSets()
    {
        var server = Rendering.Single(Rendering.Render(), LlamaStackFacts.Kind);
        var env = server.Spec!.GetMapping("server")!.GetMapping("containerSpec")!.GetSequence("env")!;

        Assert.Equal([.. LlamaStackFacts.ServerEnvNames, LlamaStackFacts.PythonPathEnv], env.Items.Select(e => ((Generator.Yaml.YamlMapping)e).GetString("name")));
    }
}
