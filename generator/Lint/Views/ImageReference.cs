namespace Generator.Lint.Views;

/// <summary>
/// A container image reference <c>[registry[:port]/]repository[:tag][@digest]</c>. <see cref="Tag"/> is null when
/// untagged, <see cref="Digest"/> null when not pinned by digest.
/// </summary>
public sealed record ImageReference(string Repository, string? Tag, string? Digest)
{
    public static ImageReference Parse(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var name = at < 0 ? image : image[..at];
        var digest = at < 0 ? null : image[(at + 1)..];

        // A colon before the last slash belongs to a registry port, not to a tag.
        var slash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        return colon > slash ? new(name[..colon], name[(colon + 1)..], digest) : new(name, null, digest);
    }
}
