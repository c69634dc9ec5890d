using Generator.Findings;
using Generator.Yaml;

namespace Generator.Lint.Rules;

/// <summary>
/// The collector cannot load its config: the <c>--config</c> path is not backed by a mounted ConfigMap key, the
/// ConfigMap is not in the bundle, or the text is not YAML (or empty); for an OpenTelemetryCollector of the deprecated
/// v1alpha1, whose spec.config is YAML text, that text. In a cluster the container exits at once ("cannot read config
/// file" / "cannot unmarshal the configuration") and restarts in CrashLoopBackOff. Every other collector-config rule
/// needs a parsed config, so this is the one finding such a collector gets. (A v1beta1 spec.config that is not an
/// object is a schema error.) A volume naming its ConfigMap with a typo is reference-typo's finding, at the name.
/// </summary>
public sealed class CollectorConfigSource : ILintRule
{
    public RuleInfo Info { get; } = new(
        "collector-config-source",
        Severity.Error,
        "The collector's --config path does not lead to a ConfigMap key in the bundle, or the config there (or a v1alpha1 OpenTelemetryCollector's spec.config text) is not YAML.",
        "Point --config at <mountPath>/<key> of a volume backed by a ConfigMap that has that key (and include the ConfigMap in the linted files), and fix the config's YAML at the reported line.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var collector in context.Collectors)
        {
            if (collector.SourceProblem is { } source && context.MisspeltAt(collector.MissingConfigMapVolume?.SourceNameNode) is null)
            {
                yield return LintContext.Report(Info, source.Manifest, source.Node, source.Path,
                    $"image {collector.Image}: {source.Message}");
                continue;
            }

            if (collector.SourceProblem is not null || collector.ConfigOwner is not { } owner || collector.ConfigNode is not YamlScalar text)
            {
                continue;
            }

            var where = collector.Operated
                ? $"the collector config in {owner.Ref} (spec.config)"
                : $"the collector config in ConfigMap \"{owner.Name}\" key \"{collector.ConfigKey}\"";
            foreach (var problem in collector.ConfigProblems)
            {
                yield return Finding.At(Info.Id, Info.DefaultSeverity, collector.ConfigFile, problem.Mark, collector.ConfigFieldPath,
                    $"{where} is not valid YAML: {problem.Message}");
            }

            if (collector.Config is null && !collector.ConfigProblems.Any(p => p.Kind is YamlProblemKind.Syntax or YamlProblemKind.Limit))
            {
                var node = collector.Operated ? (YamlNode)text : owner.Root.GetMapping("data")?.Find(collector.ConfigKey!)?.Key;
                yield return LintContext.Report(Info, owner, node, collector.ConfigFieldPath,
                    $"{where} is empty or not a mapping of receivers, processors, exporters and service; the collector refuses to start");
            }
        }
    }
}
