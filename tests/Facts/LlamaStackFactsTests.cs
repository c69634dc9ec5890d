using Generator.Facts;
using Generator.Model;
using Generator.Options;

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
        var model = StackModel.Build(OptionsLoader.Load(null, []));

        Assert.Equal([.. LlamaStackFacts.ServerEnvNames, LlamaStackFacts.PythonPathEnv], model.LlamaStackEnv.Select(e => e.Name));
    }
}
