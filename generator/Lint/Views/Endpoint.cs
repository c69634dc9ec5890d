using System.Globalization;
using Generator.Facts;

namespace Generator.Lint.Views;

/// <summary>
/// An endpoint as written in an env var or a collector exporter: <c>http://host:4318</c>, <c>https://host:8080/path</c>
/// or <c>host:4317</c>. <see cref="Port"/> is null when the text names none (the caller knows the default).
/// </summary>
public sealed record Endpoint(string? Scheme, string Host, int? Port, string Path)
{
    public static Endpoint? Parse(string text)
    {
        var rest = text.Trim();
        string? scheme = null;
        var schemeEnd = rest.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0)
        {
            scheme = rest[..schemeEnd].ToLowerInvariant();
            rest = rest[(schemeEnd + 3)..];
        }

        var slash = rest.IndexOf('/');
        var path = slash >= 0 ? rest[slash..] : string.Empty;
        var authority = slash >= 0 ? rest[..slash] : rest;
        var colon = authority.LastIndexOf(':');
        int? port = null;
        var host = authority;
        if (colon > 0)
        {
            if (!int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            port = number;
            host = authority[..colon];
        }

        return host.Length == 0 ? null : new Endpoint(scheme, host.ToLowerInvariant(), port, path);
    }

    /// <summary>The port written, else the default of the scheme (80 for http, 443 for https); null with neither.</summary>
    public int? EffectivePort => Port ?? Scheme switch { "http" => 80, "https" => 443, _ => null };

    /// <summary>
    /// The Service name and namespace a cluster host name refers to: <c>svc.ns.svc.cluster.local</c>, <c>svc.ns.svc</c>,
    /// <c>svc.ns</c>, or a bare <c>svc</c> in <paramref name="callerNamespace"/>. Null for names outside the cluster.
    /// </summary>
    public (string Service, string? Namespace)? ClusterService(string? callerNamespace)
    {
        var labels = Host.Split('.');
        return labels.Length switch
        {
            1 => (labels[0], callerNamespace),
            2 => (labels[0], labels[1]),
            3 when labels[2] == "svc" => (labels[0], labels[1]),
            5 when Host.EndsWith(ClusterDns.ServiceDomain, StringComparison.Ordinal) => (labels[0], labels[1]),
            _ => null,
        };
    }
}
