using System.Text.RegularExpressions;

namespace Generator.Schemas;

/// <summary>
/// Kubernetes' name syntaxes (k8s.io/apimachinery/pkg/util/validation), with the API server's wording so messages read as
/// they would from <c>kubectl apply</c>. Each method returns the problems (empty when valid).
/// </summary>
internal static partial class NameValidation
{
    private const string Dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123SubdomainFormat = Dns1123LabelFormat + "(\\." + Dns1123LabelFormat + ")*";
    private const string Dns1035LabelFormat = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private const string QualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string LabelValueFormat = "(" + QualifiedNameFormat + ")?";

    [GeneratedRegex("^" + Dns1123LabelFormat + "$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^" + Dns1123SubdomainFormat + "$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^" + Dns1035LabelFormat + "$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1035Label();

    [GeneratedRegex("^" + QualifiedNameFormat + "$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedName();

    [GeneratedRegex("^" + LabelValueFormat + "$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValue();

    public static List<string> IsDns1123Label(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add("must be no more than 63 characters");
        }

        if (!Dns1123Label().IsMatch(value))
        {
            errors.Add("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '" + Dns1123LabelFormat + "')");
        }

        return errors;
    }

    public static List<string> IsDns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (value.Length > 253)
        {
            errors.Add("must be no more than 253 characters");
        }

        if (!Dns1123Subdomain().IsMatch(value))
        {
            errors.Add("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '" + Dns1123SubdomainFormat + "')");
        }

        return errors;
    }

    public static List<string> IsDns1035Label(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add("must be no more than 63 characters");
        }

        if (!Dns1035Label().IsMatch(value))
        {
            errors.Add("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '" + Dns1035LabelFormat + "')");
        }

        return errors;
    }

    /// <summary>RBAC names and a few others: any string usable as one URL path segment.</summary>
    public static List<string> IsPathSegmentName(string value)
    {
        var errors = new List<string>();
        if (value is "." or "..")
        {
            errors.Add("may not be '" + value + "'");
        }

        foreach (var illegal in new[] { "/", "%" })
        {
            if (value.Contains(illegal, StringComparison.Ordinal))
            {
                errors.Add("may not contain '" + illegal + "'");
            }
        }

        return errors;
    }

    /// <summary>Label and annotation keys: an optional DNS subdomain prefix and '/', then a name of at most 63 characters.</summary>
    public static List<string> IsQualifiedName(string value)
    {
        var errors = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                var prefix = parts[0];
                name = parts[1];
                if (prefix.Length == 0)
                {
                    errors.Add("prefix part must be non-empty");
                }
                else
                {
                    errors.AddRange(IsDns1123Subdomain(prefix).Select(e => "prefix part " + e));
                }

                break;
            default:
                errors.Add("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '" + QualifiedNameFormat + "') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errors;
        }

        if (name.Length == 0)
        {
            errors.Add("name part must be non-empty");
        }
        else if (name.Length > 63)
        {
            errors.Add("name part must be no more than 63 characters");
        }

        if (name.Length > 0 && !QualifiedName().IsMatch(name))
        {
            errors.Add("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '" + QualifiedNameFormat + "')");
        }

        return errors;
    }

    public static List<string> IsValidLabelValue(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add("must be no more than 63 characters");
        }

        if (!LabelValue().IsMatch(value))
        {
            errors.Add("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '" + LabelValueFormat + "')");
        }

        return errors;
    }

    /// <summary>The rule the API server applies to <c>metadata.name</c> of a kind (each kind's registry strategy chooses one).</summary>
    public static Func<string, List<string>> ForKind(string apiVersion, string kind) => (apiVersion, kind) switch
    {
        ("v1", "Service") => IsDns1035Label,
        ("v1", "Namespace") => IsDns1123Label,
        ("rbac.authorization.k8s.io/v1", "Role" or "ClusterRole" or "RoleBinding" or "ClusterRoleBinding") => IsPathSegmentName,
        _ => IsDns1123Subdomain,
    };
}
