using Generator.Lint;
using Generator.Output;

namespace Generator.Schemas.Checks;

/// <summary>
/// The options-file flavour reports the same semantics under its own rule ids and words (an "option", not a field the API
/// server would prune): <c>options-unknown</c>, <c>options-type</c>, <c>options-enum</c>, and <c>options-invalid</c> for the rest.
/// </summary>
internal static class OptionsRules
{
    public static readonly RuleInfo Unknown = new(
        "options-unknown",
        Severity.Error,
        "An option the options schema does not define (usually a typo).",
        "Fix the option's name or remove it; the message lists the options accepted at that level.");

    public static readonly RuleInfo Type = new(
        "options-type",
        Severity.Error,
        "An option value of the wrong type.",
        "Give the option a value of the type named in the message; quote strings that YAML would read as booleans or numbers.");

    public static readonly RuleInfo Enum = new(
        "options-enum",
        Severity.Error,
        "An option value outside its supported values.",
        "Use one of the supported values listed in the message.");

    public static readonly RuleInfo Invalid = new(
        "options-invalid",
        Severity.Error,
        "An option value that breaks a constraint of the options schema (required, range, pattern, format).",
        "Change the value as the message describes; the options schema (schemas/options.schema.json) documents each option.");

    public static RuleInfo For(RuleInfo schemaRule)
    {
        if (ReferenceEquals(schemaRule, UnknownFieldCheck.Rule))
        {
            return Unknown;
        }

        if (ReferenceEquals(schemaRule, TypeCheck.Rule))
        {
            return Type;
        }

        return ReferenceEquals(schemaRule, EnumCheck.Rule) ? Enum : Invalid;
    }
}
