namespace Generator.Documents;

/// <summary>
/// Field paths in the API server's notation: <c>spec.template.spec.containers[0].env[2]</c>; map keys that are not plain
/// identifiers go in brackets, <c>metadata.labels[app.kubernetes.io/name]</c>.
/// </summary>
public static class FieldPath
{
    public static string Child(string parent, string key)
    {
        if (IsIdentifier(key))
        {
            return parent.Length == 0 ? key : parent + "." + key;
        }

        return parent + "[" + key + "]";
    }

    public static string Index(string parent, int index) => parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    private static bool IsIdentifier(string key)
    {
        if (key.Length == 0 || !(char.IsAsciiLetter(key[0]) || key[0] is '_' or '$'))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$'))
            {
                return false;
            }
        }

        return true;
    }
}
