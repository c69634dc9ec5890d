using Generator.Documents;
using Generator.Facts;
using Generator.Findings;
using Generator.Yaml;

namespace Generator.Lint.Rules;

/// <summary>
/// A Tempo on object storage (every TempoStack; a TempoMonolithic with backend s3, gcs or azure) without the storage
/// Secret it names, or with one the operator rejects (operator-objects-facts.md §2h): a key its type needs missing or
/// empty, S3 static and STS keys mixed, an S3 endpoint without a URL scheme, a GCS key.json that is not JSON. The webhook
/// only warns about a missing Secret and the operator waits for it: no component starts and no trace is stored. The Secret
/// usually comes from elsewhere (it holds credentials), so one missing from the linted files is a warning naming it.
/// Values under <c>data</c> are read base64-decoded; one that does not decode is not judged.
/// </summary>
public sealed class TempoStorageSecret : ILintRule
{
    public RuleInfo Info { get; } = new(
        "tempo-storage-secret",
        Severity.Warning,
        "A Tempo on object storage names no storage Secret, one that is not in the linted files, or one without the keys its storage type needs.",
        "Create the Secret in Tempo's namespace with non-empty values for the keys of its type (s3: bucket, endpoint as a URL with its scheme, access_key_id, access_key_secret, or for STS bucket, region, role_arn, never both sets; azure: container, account_name, account_key; gcs: key.json holding JSON), and name it in the storage secret field.");

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

            var values = Values(secret);
            if (Problem(tempo.StorageBackend, values) is { } problem)
            {
                yield return LintContext.Report(Info, tempo.Manifest, node, tempo.StorageSecretPath,
                    $"{tempo.Manifest.Ref} keeps traces in {tempo.StorageBackend} with {secret.Ref}, which {problem}");
            }
        }
    }

    private const string Rejected = "the operator rejects the storage and no component starts";

    /// <summary>What the operator rejects in the secret, or null.</summary>
    private static string? Problem(string type, IReadOnlyDictionary<string, string?> values)
    {
        var keys = values.Keys.ToList();
        if (type == "s3" && TempoFacts.IsShortLivedS3(keys) && TempoFacts.S3LongLivedOnly.Where(keys.Contains).ToList() is { Count: > 0 } longLived)
        {
            return $"mixes short-lived (STS) keys with the static ones {string.Join(", ", longLived)}; {Rejected}";
        }

        var missing = TempoFacts.RequiredSecretKeys(type, keys).Where(k => !keys.Contains(k)).ToList();
        if (missing.SequenceEqual([TempoFacts.S3RoleKey]) && type == "s3")
        {
            return $"lacks {TempoFacts.S3RoleKey} (it has {Listed(keys)}): unless the cluster is OpenShift with the Cloud Credential Operator, whose mode needs only bucket and region, {Rejected}";
        }

        if (missing.Count > 0)
        {
            return $"lacks {string.Join(", ", missing)} (it has {Listed(keys)}); {Rejected}";
        }

        var empty = TempoFacts.RequiredSecretKeys(type, keys).Where(k => values[k] is { Length: 0 }).ToList();
        if (empty.Count > 0)
        {
            return $"holds {string.Join(", ", empty)} empty; {Rejected}";
        }

        if (type == "s3" && !TempoFacts.IsShortLivedS3(keys) && values["endpoint"] is { } endpoint && !endpoint.Contains("://", StringComparison.Ordinal))
        {
            return $"gives endpoint \"{endpoint}\" without a URL scheme (https:// for TLS, http:// without); {Rejected}";
        }

        if (type == "gcs" && values[TempoFacts.GcsKeyFile] is { } keyFile && !IsJson(keyFile))
        {
            return $"holds a {TempoFacts.GcsKeyFile} that is not JSON; {Rejected}";
        }

        return null;
    }

    private static string Listed(IReadOnlyCollection<string> keys) => keys.Count == 0 ? "no keys" : string.Join(", ", keys.Order(StringComparer.Ordinal));

    /// <summary>
    /// The Secret's keys with their values as the pod sees them: stringData over data, data base64-decoded (null when a
    /// value is not a string or does not decode, so it is not judged).
    /// </summary>
    private static Dictionary<string, string?> Values(Manifest secret)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in secret.Root.GetMapping("data") ?? [])
        {
            values[entry.Key.Text] = entry.Value is YamlScalar { IsNull: false } scalar ? Decoded(scalar.Text) : null;
        }

        foreach (var entry in secret.Root.GetMapping("stringData") ?? [])
        {
            values[entry.Key.Text] = entry.Value is YamlScalar { IsNull: false } scalar ? scalar.Text : null;
        }

        return values;
    }

    private static string? Decoded(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? System.Text.Encoding.UTF8.GetString(buffer, 0, written) : null;
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
