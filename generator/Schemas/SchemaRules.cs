using Generator.Findings;
using Generator.Schemas.Checks;

namespace Generator.Schemas;

/// <summary>The catalog of schema-validation finding ids (for <c>--explain</c>, SARIF rule metadata and docs).</summary>
public static class SchemaRules
{
    public static IReadOnlyList<RuleInfo> All { get; } =
    [
        UnknownFieldCheck.Rule,
        TypeCheck.Rule,
        RequiredCheck.Rule,
        EnumCheck.Rule,
        FormatCheck.Rule,
        PatternCheck.Rule,
        RangeCheck.Rule,
        ListMapCheck.Rule,
        ListSetCheck.Rule,
        MetadataCheck.Rule,
        CelCheck.Rule,
        CelNotEvaluatedCheck.Rule,
        NullDroppedCheck.Rule,
        UnknownKindCheck.Rule,
        ValueValidationCheck.Rule,
    ];
}
