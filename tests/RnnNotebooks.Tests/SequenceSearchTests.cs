using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>Greedy and beam search over decoders whose probabilities are fixed by hand, and over a real model.</summary>
public class SequenceSearchTests
{
    private const int Start = 0, End = 1, A = 2, B = 3;

    /// <summary>
    /// A decoder that ignores its input and looks up P(next | tokens so far) in a table; a slot's state is the prefix.
    /// After nothing: A 0.6, B 0.4. After A: A 0.35, B 0.35, end 0.3. After B: end 0.9, A 0.05, B 0.05.
    /// Any longer prefix: end 1. (The start token gets probability 0 throughout.)
    /// </summary>
    private sealed class TableDecoder : IStepDecoder
    {
        private string[] prefixes = [];

        public int Size => 4;

        public int Slots => prefixes.Length;

        public void Reserve(int slots) => Array.Resize(ref prefixes, Math.Max(slots, prefixes.Length));

        public void Start(int slot) => prefixes[slot] = "";

        public void Step(int from, int previous, int to, Span<double> logProbabilities)
        {
            var prefix = prefixes[from] + (previous == SequenceSearchTests.Start ? "" : Name(previous));
            double[] p = prefix switch
            {
                "" => [0, 0, 0.6, 0.4],
                "A" => [0, 0.3, 0.35, 0.35],
                "B" => [0, 0.9, 0.05, 0.05],
                _ => [0, 1, 0, 0],
            };
            p.Select(v => Math.Log(v)).ToArray().CopyTo(logProbabilities);
            prefixes[to] = prefix;
        }

        private static string Name(int token) => token switch { A => "A", B => "B", _ => "$" };
    }

    [Fact]
    public void Beam_search_finds_a_better_sequence_than_greedy()
    {
        // Greedy takes A (0.6), then the best after A is A or B (0.35; A comes first), then end (1):
        //   P(A A end) = 0.6 * 0.35 * 1 = 0.21.
        // Beam k = 2 keeps A (0.6) and B (0.4); step 2 extends both: B end = 0.4 * 0.9 = 0.36, A A = A B = 0.21, A end = 0.18.
        // The top two are B end (finished, 0.36) and A A (0.21); step 3: A A end = 0.21 (finished). Ranked by
        // log P / Ty^0.7: B end: log 0.36 / 2^0.7 = -1.0217 / 1.6245 = -0.629; A A end: log 0.21 / 3^0.7 = -1.5606 / 2.1577 = -0.723.
        var greedy = SequenceSearch.Greedy(new TableDecoder(), Start, End, maxLength: 5);
        var beam = SequenceSearch.Beam(new TableDecoder(), Start, End, maxLength: 5, k: 2);

        Assert.Equal([A, A, End], greedy.Tokens);
        Assert.Equal(Math.Log(0.21), greedy.LogProbability, 12);
        Assert.Equal([B, End], beam[0].Tokens);
        Assert.Equal(Math.Log(0.36), beam[0].LogProbability, 12);
        Assert.Equal(Math.Log(0.36) / Math.Pow(2, 0.7), beam[0].Score, 12);
        Assert.Equal([A, A, End], beam[1].Tokens);
    }

    [Fact]
    public void Beam_search_of_width_one_is_greedy_on_a_random_model()
    {
        var model = AttentionEncoderDecoder.Create(nX: 7, nA: 4, nAtt: 5, nY: 6, seed: 9);
        var random = new Random(4);
        for (int trial = 0; trial < 10; trial++)
        {
            var source = Enumerable.Range(0, 1 + random.Next(6)).Select(_ => random.Next(7)).ToArray();
            var decoder = model.Decoder(source);
            var greedy = SequenceSearch.Greedy(decoder, Start, End, maxLength: 8);
            var beam = SequenceSearch.Beam(decoder, Start, End, maxLength: 8, k: 1);

            Assert.Equal(greedy.Tokens, beam.Single().Tokens);
            Assert.Equal(greedy.LogProbability, beam[0].LogProbability, 12);
        }
    }

    [Fact]
    public void Length_normalisation_divides_by_the_length_to_the_alpha()
    {
        Assert.Equal(-6.0 / Math.Pow(4, 0.7), SequenceSearch.Normalised(-6.0, 4, 0.7), 15);
        Assert.Equal(-6.0, SequenceSearch.Normalised(-6.0, 4, 0.0), 15);
    }

    [Fact]
    public void A_start_token_outside_the_vocabulary_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SequenceSearch.Beam(new TableDecoder(), 9, End, 5, 2));
        Assert.Contains("start token 9", e.Message);
    }

    [Fact]
    public void A_masked_token_is_never_written()
    {
        // With A masked, greedy takes B (0.4), then end (0.9): P(B end) = 0.36; the mask leaves the other probabilities as they are.
        var masked = new TokenMask(new TableDecoder(), A);

        var greedy = SequenceSearch.Greedy(masked, Start, End, maxLength: 5);
        var beam = SequenceSearch.Beam(masked, Start, End, maxLength: 5, k: 2);

        Assert.Equal([B, End], greedy.Tokens);
        Assert.Equal(Math.Log(0.4) + Math.Log(0.9), greedy.LogProbability, 15);
        Assert.All(beam, h => Assert.DoesNotContain(A, h.Tokens));
        Assert.Contains("token 7", Assert.Throws<ArgumentOutOfRangeException>(() => new TokenMask(new TableDecoder(), 7)).Message);
    }

    [Fact]
    public void A_model_decoder_refuses_a_slot_it_was_not_given_and_a_span_of_another_length()
    {
        var decoder = EncoderDecoder.Create(nX: 5, nA: 3, nY: 4, seed: 1).Decoder([1, 2]);
        decoder.Reserve(2);
        decoder.Start(1);

        var slot = Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Step(1, Start, 2, new double[4]));
        var span = Assert.Throws<ArgumentException>(() => decoder.Step(1, Start, 0, new double[3]));

        Assert.Equal(2, decoder.Slots);
        Assert.Contains("slot 2 is not in [0, 2)", slot.Message);
        Assert.Contains("Reserve", slot.Message);
        Assert.Contains("logProbabilities has length 3; expected 4", span.Message);
    }
}
