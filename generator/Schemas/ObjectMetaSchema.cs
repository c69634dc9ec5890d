namespace Generator.Schemas;

/// <summary>
/// The schema of <c>metadata</c> in a custom resource. A CRD declares <c>metadata</c> as a bare object; the API server
/// decodes it as ObjectMeta (unknown fields dropped, nulls meaning "unset"). Written by hand from the ObjectMeta field list
/// so that validating a custom resource never needs the 2 MB core/v1 document.
/// </summary>
internal static class ObjectMetaSchema
{
    public static readonly SchemaNode Instance = Build();

    private static SchemaNode Build()
    {
        var ownerReference = Object(
            ("apiVersion", Scalar("string")),
            ("kind", Scalar("string")),
            ("name", Scalar("string")),
            ("uid", Scalar("string")),
            ("controller", Scalar("boolean")),
            ("blockOwnerDeletion", Scalar("boolean")));
        ownerReference.Required = ["apiVersion", "kind", "name", "uid"];
        return Object(
            ("name", Scalar("string")),
            ("generateName", Scalar("string")),
            ("namespace", Scalar("string")),
            ("selfLink", Scalar("string")),
            ("uid", Scalar("string")),
            ("resourceVersion", Scalar("string")),
            ("generation", Scalar("integer")),
            ("creationTimestamp", Scalar("string", "date-time")),
            ("deletionTimestamp", Scalar("string", "date-time")),
            ("deletionGracePeriodSeconds", Scalar("integer")),
            ("labels", StringMap()),
            ("annotations", StringMap()),
            ("ownerReferences", Array(ownerReference)),
            ("finalizers", Array(Scalar("string"))),
            ("managedFields", Array(new SchemaNode { Types = ["object"], PreserveUnknownFields = true })));
    }

    private static SchemaNode Scalar(string type, string? format = null) => new() { Types = [type], Format = format, Nullable = true };

    private static SchemaNode StringMap() => new() { Types = ["object"], AdditionalProperties = new SchemaNode { Types = ["string"] }, Nullable = true };

    private static SchemaNode Array(SchemaNode items) => new() { Types = ["array"], Items = items, Nullable = true };

    private static SchemaNode Object(params (string Name, SchemaNode Schema)[] properties) => new()
    {
        Types = ["object"],
        Nullable = true,
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema, StringComparer.Ordinal),
        PropertyNames = [.. properties.Select(p => p.Name)],
    };
}
