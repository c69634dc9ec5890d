namespace Generator.Facts;

/// <summary>
/// Which env var names hold a secret: PASSWORD, PASSWD, TOKEN, SECRET, KEY, APIKEY or CREDENTIAL(S) as a word between
/// underscores (POSTGRES_PASSWORD, API_KEY, not KEYCLOAK_URL), unless the name says it holds where the secret is
/// (…_KEY_FILE, …_SECRET_NAME). One rule for the options check and the env-plaintext-secret lint rule, so render never
/// rejects what lint accepts.
/// </summary>
public static class SecretEnvNames
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "PASSWORD", "PASSWD", "TOKEN", "SECRET", "KEY", "APIKEY", "CREDENTIAL", "CREDENTIALS",
    };

    private static readonly HashSet<string> ReferenceWords = new(StringComparer.Ordinal) { "FILE", "PATH", "DIR", "NAME" };

    public static bool LooksSecret(string name)
    {
        var words = name.ToUpperInvariant().Split('_');
        return words.Any(SecretWords.Contains) && !words.Any(ReferenceWords.Contains);
    }
}
