using Generator.Documents;
using Generator.Facts;
using Generator.Yaml;

namespace Generator.Lint.Views;

/// <summary>Whether a Service's selector matches a set of pods.</summary>
public enum SelectorMatch
{
    No,
    Yes,

    /// <summary>Every selector label the pods carry matches, but some label value cannot be told from the bundle.</summary>
    CannotTell,
}

/// <summary>
/// Pods that share one set of labels: a workload's pod template, or the pods an operator runs for a custom resource (their
/// labels are facts about the operator: <see cref="OperatorPodLabels"/>). Services select pods by these labels.
/// <see cref="Description"/> names them in messages: the workload (<c>Deployment ns/app</c>), or which pods of which CR.
/// </summary>
public sealed record PodGroup(Manifest Owner, string Description, string? Namespace, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<string> KeysOfUnknownValue)
{
    /// <summary>Whether an operator runs these pods for its custom resource <see cref="Owner"/> (rather than a pod template).</summary>
    public bool OperatorRun { get; private init; }

    public SelectorMatch Match(YamlMapping selector)
    {
        var result = SelectorMatch.Yes;
        foreach (var entry in selector)
        {
            if (entry.Value is not YamlScalar { IsNull: false } wanted)
            {
                return SelectorMatch.No;
            }

            if (Labels.TryGetValue(entry.Key.Text, out var value))
            {
                if (value != wanted.Text)
                {
                    return SelectorMatch.No;
                }
            }
            else if (KeysOfUnknownValue.Contains(entry.Key.Text))
            {
                result = SelectorMatch.CannotTell;
            }
            else
            {
                return SelectorMatch.No;
            }
        }

        return result;
    }

    /// <summary>The pods of a workload's pod template.</summary>
    public static PodGroup OfTemplate(Manifest owner, YamlMapping labels) =>
        new(owner, owner.Ref.ToString(), owner.Namespace, labels.Entries.Where(e => e.Value is YamlScalar { IsNull: false })
            .GroupBy(e => e.Key.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => ((YamlScalar)g.Last().Value).Text, StringComparer.Ordinal), []);

    /// <summary>The pods an operator runs for a custom resource of a kind that is not itself a workload view (Tempo, OGX, LlamaStack).</summary>
    public static IEnumerable<PodGroup> OfOperator(Manifest owner)
    {
        var name = owner.Name;
        switch (owner.Kind)
        {
            case TempoFacts.StackKind:
                var template = owner.Spec?.GetMapping("template");
                var components = TempoFacts.StackComponents.ToList();
                if (template?.GetMapping("metricsGenerator")?.GetScalar("enabled")?.AsBoolean() == true)
                {
                    components.Add(TempoFacts.MetricsGeneratorComponent);
                }

                if (template?.GetMapping("gateway")?.GetScalar("enabled")?.AsBoolean() == true)
                {
                    components.Add(TempoFacts.GatewayComponent);
                }

                foreach (var component in components)
                {
                    yield return Operated(owner, $"the {component} pods the Tempo Operator runs for {owner.Ref}", OperatorPodLabels.TempoStack(name, component));
                }

                break;
            case TempoFacts.Kind:
                yield return Operated(owner, $"the pod the Tempo Operator runs for {owner.Ref}", OperatorPodLabels.TempoMonolithic(name));
                break;
            case OgxFacts.Kind:
                yield return Operated(owner, $"the pods the OGX operator runs for {owner.Ref}", OperatorPodLabels.OgxServer(name));
                break;
            case LlamaStackFacts.Kind:
                yield return Operated(owner, $"the pods the LlamaStack operator runs for {owner.Ref}", OperatorPodLabels.LlamaStackDistribution(name));
                break;
        }
    }

    public static PodGroup Operated(Manifest owner, string description, PodLabels labels) =>
        new(owner, description, owner.Namespace, labels.Values, labels.KeysOfUnknownValue) { OperatorRun = true };
}
