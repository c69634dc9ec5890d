using System.CommandLine;
using Generator.Render;

namespace Generator.Cli;

/// <summary><c>docs</c>: prints the reference tables and the wiring example the README embeds (generated, so they cannot drift).</summary>
public static class DocsCommand
{
    public static Command Create(TextWriter stdout)
    {
        var options = new Command("options", "Print the options reference as a Markdown table.");
        options.SetAction(_ =>
        {
            stdout.Write(ReferenceDocs.OptionsTable());
            return ExitCodes.Ok;
        });
        var rules = new Command("rules", "Print the lint rule catalog as a Markdown table.");
        rules.SetAction(_ =>
        {
            stdout.Write(ReferenceDocs.RulesTable());
            return ExitCodes.Ok;
        });
        var wiring = new Command("wiring", "Print the Mermaid picture of the default render's wiring (the README's example, as out/WIRING.md holds it).");
        wiring.SetAction(_ =>
        {
            stdout.Write(ReferenceDocs.WiringExample());
            return ExitCodes.Ok;
        });
        return new Command("docs", "Print reference documentation generated from the tool's own metadata.") { options, rules, wiring };
    }
}
