using Generator.Findings;
using Generator.Yaml;

namespace Generator.Lint;

/// <summary>A config file that cannot be used (a usage error: exit 2).</summary>
public sealed class LintConfigException(string message) : Exception(message);

/// <summary>
/// Per-repository lint settings (<c>.tracinglint.yaml</c>, or <c>--config FILE</c>):
/// <code>
/// rules:
///   resources-missing: off      # disable a rule
///   image-latest: warning       # change its severity
/// </code>
/// </summary>
public sealed record LintConfig(IReadOnlyDictionary<string, Severity?> Rules)
{
    public const string DefaultFile = ".tracinglint.yaml";

    public static readonly LintConfig Empty = new(new Dictionary<string, Severity?>());

    /// <summary>Null: rule off; otherwise the severity to report with.</summary>
    public Severity? SeverityOf(string ruleId, Severity defaultSeverity) =>
        Rules.TryGetValue(ruleId, out var configured) ? configured : defaultSeverity;

    public static LintConfig Load(string file, IReadOnlySet<string> knownRules)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LintConfigException($"cannot read lint config {file}: {ex.Message}");
        }

        var stream = YamlReader.Parse(file, bytes);
        if (stream.Problems.FirstOrDefault() is { } problem)
        {
            throw new LintConfigException($"{file}:{problem.Mark}: {problem.Message}");
        }

        var root = stream.Documents.FirstOrDefault()?.Root;
        if (root is null or YamlScalar { IsNull: true })
        {
            return Empty;
        }

        if (root is not YamlMapping mapping)
        {
            throw new LintConfigException($"{file}:{root.Start}: the lint config must be a mapping with a \"rules\" key");
        }

        if (mapping.Entries.FirstOrDefault(e => e.Key.Text != "rules") is { } unknown)
        {
            throw new LintConfigException($"{file}:{unknown.Key.Start}: unknown key \"{unknown.Key.Text}\"; the lint config accepts: rules");
        }

        var rules = new Dictionary<string, Severity?>(StringComparer.Ordinal);
        if (mapping["rules"] is YamlMapping ruleMap)
        {
            foreach (var entry in ruleMap.Entries)
            {
                if (!knownRules.Contains(entry.Key.Text))
                {
                    throw new LintConfigException($"{file}:{entry.Key.Start}: unknown rule \"{entry.Key.Text}\" (see lint --list-rules)");
                }

                var value = (entry.Value as YamlScalar)?.Text;
                if (value == "off" || (entry.Value as YamlScalar)?.AsBoolean() == false)
                {
                    rules[entry.Key.Text] = null;
                }
                else if (SeverityNames.TryParse(value, out var severity))
                {
                    rules[entry.Key.Text] = severity;
                }
                else
                {
                    throw new LintConfigException($"{file}:{entry.Value.Start}: rule \"{entry.Key.Text}\": expected off, error, warning or info, got \"{value}\"");
                }
            }
        }
        else if (mapping["rules"] is { } other and not YamlScalar { IsNull: true })
        {
            throw new LintConfigException($"{file}:{other.Start}: \"rules\" must be a mapping of rule id to off|error|warning|info");
        }

        return new LintConfig(rules);
    }
}
