using Bench.Tools;

return args switch
{
    ["corpus", var dir, "--documents", var count] when int.TryParse(count, out var documents) => Corpus.Write(dir, documents),
    ["parse", .. var paths] when paths.Length > 0 => BareParse.Run(paths),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench-tools corpus DIR --documents N | bench-tools parse PATH...");
    return 2;
}
