namespace RnnNotebooks.Benchmarks;

/// <summary>The command line of the benchmark (see <see cref="Usage"/>).</summary>
internal sealed record BenchOptions(bool Quick, int Rounds, int[] Sizes, int[] Batches, string[] Models, bool Tagger, bool Isa, bool Profile, bool Help)
{
    /// <summary>What <c>--help</c> prints.</summary>
    public const string Usage = """
        Forward + BPTT of the note's RNN, GRU and LSTM (T = 100, one-hot n_x = n_y = 27, float64, one thread): the core
        against TorchSharp in interleaved rounds, each row's GFLOP/s as a percentage of the limit of this core measured in
        the same run (the FMA peak of the path in use for m >= 2, the rate of streaming the weights for m = 1).

        dotnet run -c Release --project tests/RnnNotebooks.Benchmarks -- [options]
          --models rnn,gru,lstm   models (default rnn; with --profile all three)
          --sizes 16,64,256       n_a values
          --batches 1,32          m values
          --rounds N              interleaved rounds (default 9, 3 with --quick)
          --quick                 fewer rounds and shorter warm-ups, for a first look
          --isa                   runs the rest of the command once per instruction set this CPU has, each in a child
                                  process with its own limits: as is (AVX-512), DOTNET_EnableAVX512=0 (AVX2),
                                  + DOTNET_MaxVectorTBitWidth=128 (128-bit with FMA, as ARM64 NEON),
                                  + DOTNET_EnableAVX2=0 (128-bit, no FMA instruction), DOTNET_EnableHWIntrinsic=0 (scalar);
                                  libtorch is held to the same set (ATEN_CPU_CAPABILITY, MKL_ENABLE_INSTRUCTIONS)
          --profile               instead of the table: the core's forward + BPTT time split into products, element-wise
                                  gate code, copies and the weight gradients, per model and size
          --tagger                instead: one training epoch of notebook 04's tagger, core against TorchSharp
        """;

    /// <summary>Reads the options from <paramref name="args"/>.</summary>
    public static BenchOptions Parse(string[] args)
    {
        bool quick = args.Contains("--quick"), profile = args.Contains("--profile");
        return new BenchOptions(
            quick,
            Option(args, "--rounds", quick ? 3 : 9),
            List(args, "--sizes", [16, 64, 256]),
            List(args, "--batches", [1, 32]),
            Names(args, "--models", profile ? ["rnn", "gru", "lstm"] : ["rnn"]),
            args.Contains("--tagger"),
            args.Contains("--isa"),
            profile,
            args.Contains("--help") || args.Contains("-h"));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out int v) ? v : fallback;
    }

    private static int[] List(string[] args, string name, int[] fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1].Split(',').Select(int.Parse).ToArray() : fallback;
    }

    private static string[] Names(string[] args, string name, string[] fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1].Split(',') : fallback;
    }
}
