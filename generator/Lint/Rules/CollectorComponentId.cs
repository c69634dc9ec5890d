using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// A component or pipeline id the collector cannot parse. Ids are <c>type[/name]</c>: the type matches
/// <c>^[a-zA-Z][0-9a-zA-Z_]{0,62}$</c>, the name is non-empty without spaces, control or symbol characters, and pipeline
/// types are traces, metrics or logs (component/identifiable.go, pipeline/pipeline.go). The config fails to unmarshal,
/// so the collector exits before opening any port.
/// </summary>
public sealed class CollectorComponentId : ILintRule
{
    private static readonly string[] Signals = ["traces", "metrics", "logs"];

    public RuleInfo Info { get; } = new(
        "collector-component-id",
        Severity.Error,
        "A collector component or pipeline id is not of the form type[/name] the collector accepts.",
        "Write ids as type or type/name: a type of letters, digits and underscores starting with a letter, a name without spaces or symbols (e.g. otlp_grpc/tempo), and pipeline ids as traces, metrics or logs with an optional /name.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var config in context.CollectorConfigs)
        {
            foreach (var definition in config.Definitions)
            {
                if (Problem(definition.Id, definition.Id.HasValidType, "letters, digits and _, starting with a letter") is { } problem)
                {
                    yield return config.Report(Info, definition.Key, definition.Path,
                        $"{CollectorConfigView.KindName(definition.Kind)} id \"{definition.Key.Text}\" in {config.Source} {problem}; the collector cannot parse the config");
                }
            }

            foreach (var pipeline in config.Pipelines)
            {
                var hint = pipeline.Id.Type == "profiles" ? "traces, metrics or logs (profiles needs the service.profilesSupport feature gate)" : "traces, metrics or logs";
                if (Problem(pipeline.Id, Signals.Contains(pipeline.Id.Type), hint) is { } problem)
                {
                    yield return config.Report(Info, pipeline.Key, pipeline.Path,
                        $"pipeline id \"{pipeline.Key.Text}\" in {config.Source} {problem}; the collector cannot parse the config");
                }
            }
        }
    }

    private static string? Problem(ComponentId id, bool typeValid, string expectedType) =>
        id.Type.Length == 0 ? (id.Name is null ? "is empty" : "has no type before the /")
        : !typeValid ? $"has type \"{id.Type}\", but the type must be {expectedType}"
        : id.Name is { Length: 0 } ? "has nothing after the /"
        : !id.HasValidName ? $"has name \"{id.Name}\" with a space, control or symbol character"
        : null;
}
