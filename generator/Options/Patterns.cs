namespace Generator.Options;

/// <summary>Name syntaxes the API server enforces, as JSON Schema patterns (so helm rejects them too).</summary>
public static class Patterns
{
    public const string Dns1123Label = "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$";
    public const string Dns1123LabelMeaning = "a DNS-1123 label: lower-case letters, digits and '-', at most 63 characters";

    public const string Dns1035Label = "^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$";
    public const string Dns1035LabelMeaning = "a DNS-1035 label: starts with a letter; lower-case letters, digits and '-', at most 63 characters";

    public const string Dns1123Subdomain = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    public const string Dns1123SubdomainMeaning = "a DNS-1123 subdomain: lower-case letters, digits, '-' and '.'";

    public const string Quantity = "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?[0-9]+))?$";
    public const string QuantityMeaning = "a Kubernetes quantity such as 500m, 2, 512Mi or 20Gi";

    /// <summary>A quantity above zero (a volume's size: the API server and the OGXServer CRD refuse 0Gi).</summary>
    public const string PositiveQuantity = "^[+]?(0*[1-9][0-9]*(\\.[0-9]*)?|0*\\.0*[1-9][0-9]*)(([KMGTPE]i)|[numkMGTPE]|([eE][+]?[0-9]+))?$";
    public const string PositiveQuantityMeaning = "a Kubernetes quantity above zero such as 512Mi or 20Gi";

    /// <summary>A TempoStack retention (the operator's duration field, in s, m and h), or empty for the operator's default.</summary>
    public const string Retention = "^$|^([0-9]+[smh])+$";
    public const string RetentionMeaning = "a duration in s, m and h such as 48h or 336h, or empty";

    public const string Duration = "^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$";
    public const string DurationMeaning = "a Go duration such as 5s, 200ms or 1h30m";

    public const string AbsolutePath = "^/.*$";
    public const string AbsolutePathMeaning = "an absolute path";

    public const string EnvName = "^[-._a-zA-Z][-._a-zA-Z0-9]*$";
    public const string EnvNameMeaning = "an environment variable name";

    public const string ImageTag = "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$";
    public const string ImageTagMeaning = "an image tag (letters, digits, '_', '.', '-')";
}
