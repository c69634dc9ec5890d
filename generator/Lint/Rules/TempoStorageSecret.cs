using Generator.Documents;
using Generator.Facts;
using Generator.Findings;
using Generator.Yaml;

namespace Generator.Lint.Rules;

/// <summary>
/// A Tempo on object storage (every TempoStack; a TempoMonolithic with backend s3, gcs or azure) without the storage
/// Secret it names, or with one that lacks the keys its type needs (operator-objects-facts.md §2h). The webhook only
/// warns about a missing Secret and the operator waits for it: no component starts and no trace is stored. The Secret
/// usually comes from elsewhere (it holds credentials), so one missing from the linted files is a warning naming it.
/// </summary>
public sealed class TempoStorageSecret : ILintRule
{
    public RuleInfo Info { get; } = new(
        "tempo-storage-secret",
        Severity.Warning,
        "A Tempo on object storage names no storage Secret, one that is not in the linted files, or one without the keys its storage type needs.",
        "Create the Secret in Tempo's namespace with the keys of its type (s3: bucket, endpoint, access_key_id, access_key_secret; azure: container, account_name, account_key; gcs: key.json), and name it in the storage secret field.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var tempo in context.Tempos.Where(t => t.UsesObjectStorage))
        {
            var node = tempo.StorageSecretNode;
            if (node is not { IsNull: false } || node.Text.Length == 0)
            {
                yield return LintContext.Report(Info, tempo.Manifest, (YamlNode?)node ?? tempo.Manifest.Root.Find("spec")?.Key, tempo.StorageSecretPath,
                    $"{tempo.Manifest.Ref} keeps traces in {tempo.StorageBackend} but names no storage Secret; the operator cannot reach the bucket and no component starts");
                continue;
            }

            if (context.Manifests.Find("Secret", tempo.Namespace, node.Text) is not { } secret)
            {
                yield return LintContext.Report(Info, tempo.Manifest, node, tempo.StorageSecretPath,
                    $"{tempo.Manifest.Ref} keeps traces in {tempo.StorageBackend} with Secret \"{node.Text}\", which is not in the linted files; "
                    + $"without it in namespace {tempo.Namespace ?? "(unset)"} the operator waits and no component starts (the webhook only warns)");
                continue;
            }

            var keys = Keys(secret);
            var missing = TempoFacts.RequiredSecretKeys(tempo.StorageBackend, keys).Where(k => !keys.Contains(k)).ToList();
            if (missing.Count > 0)
            {
                yield return LintContext.Report(Info, tempo.Manifest, node, tempo.StorageSecretPath,
                    $"{tempo.Manifest.Ref} keeps traces in {tempo.StorageBackend} with {secret.Ref}, which lacks {string.Join(", ", missing)} "
                    + $"(it has {(keys.Count == 0 ? "no keys" : string.Join(", ", keys.Order(StringComparer.Ordinal)))}); the operator rejects the storage and no component starts");
            }
        }
    }

    /// <summary>The keys of a Secret's data and stringData.</summary>
    private static HashSet<string> Keys(Manifest secret) =>
        [.. new[] { "data", "stringData" }.SelectMany(field => secret.Root.GetMapping(field) ?? []).Select(e => e.Key.Text)];
}
