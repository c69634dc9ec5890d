using System.Text.RegularExpressions;

namespace Generator.Facts;

/// <summary>
/// Which env var names hold a secret: PASSWORD, PASSWD, TOKEN, SECRET, KEY, APIKEY or CREDENTIAL(S) as a word between
/// underscores (POSTGRES_PASSWORD, API_KEY, not KEYCLOAK_URL), in any case, unless the name says it holds where the
/// secret is (…_KEY_FILE, …_SECRET_NAME). One rule for the options schema, which states it with these two patterns, and
/// the env-plaintext-secret lint rule, so render never rejects what lint accepts.
/// </summary>
public static class SecretEnvNames
{
    /// <summary>A secret word between underscores (JSON Schema patterns have no flags, so each letter is a class).</summary>
    public static readonly string SecretWordPattern = WordPattern("PASSWORD", "PASSWD", "TOKEN", "SECRET", "KEY", "APIKEY", "CREDENTIAL", "CREDENTIALS");

    /// <summary>A word saying the variable holds where the secret is, not the secret.</summary>
    public static readonly string ReferenceWordPattern = WordPattern("FILE", "PATH", "DIR", "NAME");

    public static bool LooksSecret(string name) =>
        Regex.IsMatch(name, SecretWordPattern, RegexOptions.CultureInvariant) && !Regex.IsMatch(name, ReferenceWordPattern, RegexOptions.CultureInvariant);

    private static string WordPattern(params string[] words) =>
        "(^|_)(" + string.Join("|", words.Select(w => string.Concat(w.Select(c => $"[{c}{char.ToLowerInvariant(c)}]")))) + ")(_|$)";
}
